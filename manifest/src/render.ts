// Renders everything an admin installs for one deployment, and validates it all offline.
import { outlookIcons } from './icons.js';
import type { OutlookIconSize } from './names.js';
import { resolveOptions, type ManifestOptions, type ResolvedOptions } from './options.js';
import { teamsPackage, validateTeamsPackage } from './teams-package.js';
import { renderUnifiedManifest, type UnifiedManifest } from './unified/manifest.js';
import { unifiedBaseUrl, validateUnifiedManifest } from './unified/validate.js';
import { renderXmlManifest } from './xml/manifest.js';
import { validateXmlManifest, xmlBaseUrl } from './xml/validate.js';

export interface Artifacts {
  options: ResolvedOptions;
  unified: UnifiedManifest;
  xml: string;
  /** The Teams app package (zip). */
  teamsPackage: Uint8Array;
  /** Ribbon and add-in icons, which the deployment serves under /icons/. */
  outlookIcons: Map<OutlookIconSize, Buffer>;
}

export function renderArtifacts(input: ManifestOptions): Artifacts {
  const options = resolveOptions(input);
  const unified = renderUnifiedManifest(options);
  return {
    options,
    unified,
    xml: renderXmlManifest(options),
    teamsPackage: teamsPackage(unified),
    outlookIcons: outlookIcons(),
  };
}

export interface ValidationInput {
  unified?: unknown;
  xml?: string;
  teamsPackage?: Uint8Array;
}

/**
 * One readable line per problem ("manifest.json: /path message"); empty when all is well. Without a
 * base URL, the one the unified manifest (else the XML manifest) names is used for every file, so
 * manifests built for different deployments do not pass together.
 */
export async function validateArtifacts(
  input: ValidationInput,
  given: { baseUrl?: string } = {},
): Promise<string[]> {
  const baseUrl =
    given.baseUrl ??
    unifiedBaseUrl(input.unified) ??
    (input.xml === undefined ? null : xmlBaseUrl(input.xml)) ??
    undefined;
  const context = baseUrl ? { baseUrl } : {};
  const problems: string[] = [];
  if (input.unified !== undefined) problems.push(...(await validateUnifiedManifest(input.unified, context)));
  if (input.xml !== undefined) problems.push(...validateXmlManifest(input.xml, context));
  if (input.teamsPackage !== undefined)
    problems.push(...(await validateTeamsPackage(input.teamsPackage, context)));
  return problems;
}
