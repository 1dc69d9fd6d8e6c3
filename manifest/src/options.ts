// What a deployment supplies (its public URL and Entra app registration), checked once and turned into
// everything the renderers need. Both manifests take their ids from the client id, so rebuilding for
// the same registration yields the same app: Teams and Outlook treat a rebuild as an update.
import { createHash } from 'node:crypto';

export interface ManifestOptions {
  /** The https origin (and optional path) that serves the add-in pages and the API. */
  baseUrl: string;
  /** Application (client) id of the Clawback app registration. */
  clientId: string;
  /** Application ID URI of the Clawback API: api://<host of baseUrl>/<clientId>. */
  apiIdUri: string;
  /** x.y.z; raise it for every package you upload again. */
  appVersion?: string;
  appName?: string;
  /** Put the Outlook extension in the unified manifest (default). Off for a Teams-only package. */
  outlook?: boolean;
}

export interface ResolvedOptions {
  baseUrl: string;
  origin: string;
  host: string;
  clientId: string;
  apiIdUri: string;
  appVersion: string;
  appName: string;
  outlook: boolean;
  /** Id of the unified (Teams) app and of the XML add-in: distinct, so both can be installed. */
  unifiedAppId: string;
  xmlAddinId: string;
}

export class ManifestOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/;

export function resolveOptions(options: ManifestOptions): ResolvedOptions {
  const problems: string[] = [];
  const url = parseBaseUrl(options.baseUrl, problems);
  const clientId = options.clientId?.trim().toLowerCase() ?? '';
  if (!GUID.test(clientId)) problems.push(`clientId must be a GUID (got "${options.clientId ?? ''}")`);
  const appVersion = options.appVersion ?? '1.0.0';
  if (!SEMVER.test(appVersion)) problems.push(`appVersion must be x.y.z (got "${appVersion}")`);
  const appName = (options.appName ?? 'Clawback').trim();
  if (appName.length < 1 || appName.length > 30) problems.push('appName must be 1 to 30 characters');
  const apiIdUri = (options.apiIdUri ?? '').trim();
  if (url && GUID.test(clientId)) checkApiIdUri(apiIdUri, url, clientId, problems);
  if (problems.length || !url) throw new ManifestOptionsError(problems);

  return {
    baseUrl: url.href.replace(/\/$/, ''),
    origin: url.origin,
    host: url.host,
    clientId,
    apiIdUri,
    appVersion,
    appName,
    outlook: options.outlook ?? true,
    unifiedAppId: stableGuid(`unified:${clientId}`),
    xmlAddinId: stableGuid(`xml:${clientId}`),
  };
}

/** An absolute URL for a path served by the deployment. */
export function urlFor(options: Pick<ResolvedOptions, 'baseUrl'>, path: string): string {
  return `${options.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

function parseBaseUrl(raw: string | undefined, problems: string[]): URL | null {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    problems.push(`baseUrl must be an absolute https URL (got "${raw ?? ''}")`);
    return null;
  }
  if (url.protocol !== 'https:') problems.push(`baseUrl must be https (got "${raw}")`);
  if (url.username || url.password || url.search || url.hash)
    problems.push('baseUrl must not carry credentials, a query or a fragment');
  return problems.length ? null : url;
}

// Teams single sign-on only issues tokens for a resource whose App ID URI names the tab's host.
function checkApiIdUri(apiIdUri: string, url: URL, clientId: string, problems: string[]) {
  const expected = `api://${url.host}/${clientId}`;
  const match = /^api:\/\/([^/]+)\/([0-9a-f-]{36})$/i.exec(apiIdUri);
  const hostMatches = match && (match[1] === url.host || match[1] === url.hostname);
  if (!match || !hostMatches || match[2]!.toLowerCase() !== clientId)
    problems.push(
      `apiIdUri must be api://<host of the base URL>/<client id>, i.e. ${expected} (got "${apiIdUri}")`,
    );
}

/** A name-based (version 5 style) GUID: the same name always gives the same id. */
export function stableGuid(name: string): string {
  const bytes = createHash('sha1').update(`clawback-manifest:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
