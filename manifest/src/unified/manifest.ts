// The unified Microsoft 365 app manifest: the admin console as a personal tab and a team or group chat
// tab, single sign-on for the Clawback API, and (unless left out) the Outlook extension.
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { ACCENT_COLOR } from '../icons.js';
import { PACKAGE_FILES, PAGES, UNIFIED_SCHEMA_URL, UNIFIED_SCHEMA_VERSION } from '../names.js';
import { urlFor, type ResolvedOptions } from '../options.js';
import { STRINGS } from '../strings.js';
import { outlookExtension } from './outlook-extension.js';

export type UnifiedManifest = TeamsManifestV1D30.TeamsManifestV1D30;

export const CONSOLE_ENTITY_ID = 'console';

export function renderUnifiedManifest(options: ResolvedOptions): UnifiedManifest {
  const consoleUrl = urlFor(options, PAGES.console);
  return {
    $schema: UNIFIED_SCHEMA_URL,
    manifestVersion: UNIFIED_SCHEMA_VERSION,
    version: options.appVersion,
    id: options.unifiedAppId,
    developer: {
      name: options.appName,
      websiteUrl: consoleUrl,
      privacyUrl: consoleUrl,
      termsOfUseUrl: consoleUrl,
    },
    name: { short: options.appName, full: STRINGS.fullName },
    description: { short: STRINGS.shortDescription, full: STRINGS.fullDescription },
    icons: { color: PACKAGE_FILES.color, outline: PACKAGE_FILES.outline },
    accentColor: ACCENT_COLOR,
    staticTabs: [
      {
        entityId: CONSOLE_ENTITY_ID,
        name: STRINGS.consoleTab,
        contentUrl: consoleUrl,
        websiteUrl: consoleUrl,
        scopes: ['personal'],
      },
    ],
    // The console recognises the configuration step by Teams' frameContext ("settings") and saves
    // itself as the tab's content, so the same page serves both.
    configurableTabs: [
      { configurationUrl: consoleUrl, canUpdateConfiguration: true, scopes: ['team', 'groupChat'] },
    ],
    validDomains: [options.host],
    webApplicationInfo: { id: options.clientId, resource: options.apiIdUri },
    ...(options.outlook
      ? {
          authorization: {
            permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] },
          },
          extensions: [outlookExtension(options)],
        }
      : {}),
  };
}
