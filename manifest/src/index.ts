// Clawback's manifests: the unified Microsoft 365 app manifest (Teams tab + Outlook extension), the
// XML add-in manifest (integrated spam reporting), their icons and the Teams app package.
export { renderArtifacts, validateArtifacts, type Artifacts, type ValidationInput } from './render.js';
export {
  resolveOptions,
  ManifestOptionsError,
  type ManifestOptions,
  type ResolvedOptions,
} from './options.js';
export { renderUnifiedManifest, type UnifiedManifest } from './unified/manifest.js';
export { validateUnifiedManifest } from './unified/validate.js';
export { renderXmlManifest } from './xml/manifest.js';
export { validateXmlManifest } from './xml/validate.js';
export { teamsPackage, validateTeamsPackage } from './teams-package.js';
export { colorIcon, outlineIcon, outlookIcon, outlookIcons, ACCENT_COLOR } from './icons.js';
export {
  FUNCTION_NAMES,
  OUTLOOK_ICON_SIZES,
  OUTPUT_FILES,
  PAGES,
  REPORT_COMMANDS,
  SPAM_REPORT_HANDLER,
  outlookIconPath,
} from './names.js';
export { STRINGS } from './strings.js';
