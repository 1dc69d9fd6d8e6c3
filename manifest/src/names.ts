// Names the add-in, the Teams console and the API rely on (ARCHITECTURE.md, contract). The manifests
// point at these pages and call these functions; the validators check that they still do.

/** Pages the API serves on its own origin. */
export const PAGES = {
  taskPane: '/taskpane.html',
  commands: '/commands.html',
  /**
   * The command bundle as one import-free script, for classic Outlook on Windows, which runs the
   * spam-reporting handler in a JavaScript-only runtime rather than a browser.
   */
  commandsScript: '/commands.js',
  console: '/admin.html',
} as const;

/** Function commands registered with Office.actions.associate, by report category. */
export const REPORT_COMMANDS = {
  phishing: 'reportPhishing',
  junk: 'reportJunk',
  notJunk: 'reportNotJunk',
} as const;

/** The handler Outlook's own Report button calls when Clawback is the integrated spam reporter. */
export const SPAM_REPORT_HANDLER = 'onSpamReport';

export const FUNCTION_NAMES: readonly string[] = [...Object.values(REPORT_COMMANDS), SPAM_REPORT_HANDLER];

/** The delegated scope the add-in and the Teams tab request for the Clawback API. */
export const USER_SCOPE = 'access_as_user';

/** Where the ribbon icons are served, by pixel size. */
export const OUTLOOK_ICON_SIZES = [16, 32, 64, 80, 128] as const;
export type OutlookIconSize = (typeof OUTLOOK_ICON_SIZES)[number];
export const outlookIconPath = (size: OutlookIconSize) => `/icons/icon-${size}.png`;

/** What the build writes: the unified manifest, the XML add-in manifest and the Teams app package. */
export const OUTPUT_FILES = {
  unified: 'manifest.json',
  xml: 'outlook.xml',
  package: 'clawback.zip',
  icons: 'icons',
} as const;

/** Files at the root of the Teams app package. */
export const PACKAGE_FILES = {
  manifest: 'manifest.json',
  color: 'color.png',
  outline: 'outline.png',
} as const;

/** The newest unified manifest schema @microsoft/app-manifest ships, used offline. */
export const UNIFIED_SCHEMA_VERSION = '1.30';
export const UNIFIED_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_SCHEMA_VERSION}/MicrosoftTeams.schema.json`;
