// Graph's OData conventions: collection envelopes with @odata.context and opaque next links,
// $select, $top bounds, and the response content type.
import { GraphError } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { GraphContext } from './registry.js';

export const ODATA_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function odataJson(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SandboxResponse {
  return { status, body, headers: { 'content-type': ODATA_CONTENT_TYPE, ...headers } };
}

/** `$top` within [1, max], else Graph's own error text. */
export function parseTop(request: SandboxRequest, defaultSize: number, max: number): number {
  const raw = request.query.get('$top');
  if (raw === null) return defaultSize;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new GraphError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`,
    );
  return value;
}

export function parseSelect(request: SandboxRequest): string[] | null {
  const raw = request.query.get('$select');
  if (raw === null || raw.trim() === '') return null;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Keeps only selected properties (plus id and annotations), as Graph does. */
export function applySelect<T extends Record<string, unknown>>(
  item: T,
  select: string[] | null,
  known: ReadonlySet<string>,
): Record<string, unknown> {
  if (!select) return item;
  for (const property of select) {
    if (!known.has(property.toLowerCase()))
      throw new GraphError(
        400,
        'BadRequest',
        `Could not find a property named '${property}' on type 'microsoft.graph.entity'.`,
      );
  }
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id' || key.startsWith('@odata.') || wanted.has(key.toLowerCase())) out[key] = value;
  }
  return out;
}

/** Query options a resource does not implement are refused, never ignored. */
export function refuseUnsupported(request: SandboxRequest, supported: readonly string[]): void {
  for (const key of request.query.keys()) {
    if (!key.startsWith('$')) continue;
    if (!supported.includes(key))
      throw new GraphError(
        400,
        'BadRequest',
        `Query option '${key}' is not supported on this resource by the sandbox.`,
      );
  }
}

/** Opaque paging state, carried in $skiptoken. Clients must follow the link, never parse it. */
export function encodeSkipToken(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeSkipToken<T>(token: string): T {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    throw new GraphError(400, 'BadRequest', 'The $skiptoken is invalid.');
  }
}

/** A next link that replays the request's own query with a new $skiptoken. */
export function nextLink(
  context: GraphContext,
  request: SandboxRequest,
  state: Record<string, unknown>,
  tokenName = '$skiptoken',
): string {
  const query = new URLSearchParams();
  for (const [key, value] of request.query)
    if (key !== '$skiptoken' && key !== '$deltatoken') query.append(key, value);
  query.set(tokenName, encodeSkipToken(state));
  // Graph writes system query options with a literal '$' ($skiptoken=...), not %24.
  const search = query
    .toString()
    .replace(/\+/g, '%20')
    .replace(/(^|&)%24/g, '$1$');
  return `${context.baseUrl}${versionlessPath(request.path)}?${search}`;
}

/** The request path without its /v1.0 or /beta prefix. */
export function versionlessPath(path: string): string {
  return path.replace(/^\/(v1\.0|beta)/i, '');
}

export function collection(
  context: GraphContext,
  contextFragment: string,
  value: unknown[],
  extra: Record<string, unknown> = {},
): SandboxResponse {
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${contextFragment}`,
    value,
    ...extra,
  });
}
