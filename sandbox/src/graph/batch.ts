// JSON batching: POST /$batch runs up to 20 requests through the whole pipeline (auth, faults,
// per-mailbox throttling) and answers 200 with one response per id, in completion order.
//
// Inner requests carry their own headers plus the outer Authorization; the outer Prefer and
// client-request-id do not reach them (Graph applies each request's own headers). Graph runs at
// most four inner requests at a time against Outlook; a batch that uses dependsOn runs one at a
// time, in dependency order.
import { randomUUID } from 'node:crypto';
import { assert, GraphError, renderGraphError } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import { parseBody } from '../server.js';
import { odataJson } from './odata.js';
import type { GraphContext, GraphRoute } from './registry.js';

const MAX_REQUESTS = 20;
const PARALLEL = 4;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Transport headers of the outer response; inner responses do not repeat them. */
const OUTER_ONLY = new Set(['request-id', 'client-request-id', 'x-ms-ags-diagnostic', 'content-length']);
const CASED: Record<string, string> = {
  etag: 'ETag',
  'odata-version': 'OData-Version',
  'www-authenticate': 'WWW-Authenticate',
};

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Graph's own text for an unparseable batch (observed, e.g. for absolute inner urls). */
const INVALID_FORMAT = 'Invalid batch payload format.';
const malformed = (message: string) => new GraphError(400, 'BadRequest', message);

async function batch(request: SandboxRequest, context: GraphContext): Promise<SandboxResponse> {
  assert(!request.batchItemId, 400, 'BadRequest', 'A batch request cannot contain another batch request.');
  context.sandbox.stats.batchRequests += 1;
  const items = parsePayload(request);
  const run = (item: BatchItem) => runItem(item, request, context);
  const responses = items.some((item) => item.dependsOn.length)
    ? await inOrder(items, run)
    : await pooled(items, run);
  return odataJson(200, { responses });
}

function parsePayload(request: SandboxRequest): BatchItem[] {
  const requests = request.bodyError ? null : (request.body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw malformed(INVALID_FORMAT);
  if (requests.length === 0) throw malformed('The batch request must contain at least one request.');
  if (requests.length > MAX_REQUESTS)
    throw malformed(
      `The batch request contains ${requests.length} requests; at most ${MAX_REQUESTS} are allowed.`,
    );
  const items = requests.map(parseItem);
  const ids = new Set<string>();
  for (const item of items) {
    const key = item.id.toLowerCase();
    if (ids.has(key))
      throw malformed(`Batch request ids must be unique; '${item.id}' appears more than once.`);
    ids.add(key);
  }
  for (const item of items)
    for (const dependency of item.dependsOn)
      if (!ids.has(dependency.toLowerCase()))
        throw malformed(`Request '${item.id}' depends on '${dependency}', which is not in the batch.`);
  dependencyOrder(items);
  return items;
}

function parseItem(raw: unknown, index: number): BatchItem {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw malformed(`Request ${index} is not an object.`);
  const entry = raw as Record<string, unknown>;
  const id = entry.id;
  if (typeof id !== 'string' || id === '') throw malformed(`Request ${index} has no 'id' string.`);
  const method = typeof entry.method === 'string' ? entry.method.toUpperCase() : '';
  if (!METHODS.has(method)) throw malformed(`Request '${id}' has no valid 'method'.`);
  const url = entry.url;
  if (typeof url !== 'string' || url === '') throw malformed(`Request '${id}' has no 'url'.`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) throw malformed(INVALID_FORMAT);
  if (/^\/?\$batch(\?|\/|$)/i.test(url))
    throw malformed('A batch request cannot contain another batch request.');
  const headers: Record<string, string> = {};
  if (entry.headers !== undefined) {
    if (!entry.headers || typeof entry.headers !== 'object' || Array.isArray(entry.headers))
      throw malformed(`Request '${id}' has 'headers' that are not an object.`);
    for (const [name, value] of Object.entries(entry.headers)) headers[name.toLowerCase()] = String(value);
  }
  if (entry.body !== undefined && !headers['content-type'])
    throw malformed(`Request '${id}' has a body but no Content-Type header.`);
  const dependsOn = entry.dependsOn ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
    throw malformed(`Request '${id}' has a 'dependsOn' that is not a list of ids.`);
  // Graph's documented limitation: each request depends on at most one other.
  if (dependsOn.length > 1) throw malformed(`Request '${id}' depends on more than one request.`);
  return { id, method, url, headers, body: entry.body, dependsOn: dependsOn as string[] };
}

/** Topological order, stable in payload order; a cycle makes the payload malformed. */
function dependencyOrder(items: BatchItem[]): BatchItem[] {
  const done = new Set<string>();
  const order: BatchItem[] = [];
  while (order.length < items.length) {
    const next = items.find(
      (item) => !done.has(item.id.toLowerCase()) && item.dependsOn.every((d) => done.has(d.toLowerCase())),
    );
    if (!next) throw malformed('The dependsOn properties of the batch form a cycle.');
    done.add(next.id.toLowerCase());
    order.push(next);
  }
  return order;
}

/** Independent requests, at most four in flight; responses in completion order. */
async function pooled(
  items: BatchItem[],
  run: (item: BatchItem) => Promise<BatchResponseItem>,
): Promise<BatchResponseItem[]> {
  const responses: BatchResponseItem[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) responses.push(await run(items[next++]!));
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return responses;
}

/** One at a time in dependency order; a request whose dependency failed answers 424 unrun. */
async function inOrder(
  items: BatchItem[],
  run: (item: BatchItem) => Promise<BatchResponseItem>,
): Promise<BatchResponseItem[]> {
  const statuses = new Map<string, number>();
  const responses: BatchResponseItem[] = [];
  for (const item of dependencyOrder(items)) {
    const failed = item.dependsOn.find((d) => (statuses.get(d.toLowerCase()) ?? 0) >= 400);
    const response = failed === undefined ? await run(item) : failedDependency(item, failed);
    statuses.set(item.id.toLowerCase(), response.status);
    responses.push(response);
  }
  return responses;
}

function failedDependency(item: BatchItem, dependency: string): BatchResponseItem {
  const error = new GraphError(
    424,
    'FailedDependency',
    `The request depends on request '${dependency}', which failed.`,
  );
  return innerResponse(item.id, renderGraphError(error, randomUUID()));
}

async function runItem(
  item: BatchItem,
  outer: SandboxRequest,
  context: GraphContext,
): Promise<BatchResponseItem> {
  const version = outer.path.split('/')[1];
  const url = new URL(`/${version}/${item.url.replace(/^\//, '')}`, outer.origin);
  const inner: SandboxRequest = {
    method: item.method,
    path: url.pathname.replace(/%24/gi, '$'),
    query: url.searchParams,
    headers: { ...item.headers, authorization: outer.headers.authorization },
    body: undefined,
    rawBody: Buffer.alloc(0),
    params: {},
    origin: outer.origin,
    batchItemId: item.id,
  };
  setBody(inner, item);
  const response = await context.dispatch(inner);
  if (response === 'drop') {
    // The backend connection broke; Graph's front end still answers for this request.
    const error = new GraphError(504, 'GatewayTimeout', 'The gateway did not receive a response in time.');
    return innerResponse(item.id, renderGraphError(error, randomUUID()));
  }
  return innerResponse(item.id, response);
}

/** JSON bodies arrive as JSON; anything else as base64, as Graph's batch format has it. */
function setBody(inner: SandboxRequest, item: BatchItem): void {
  if (item.body === undefined) return;
  const type = inner.headers['content-type']!.toLowerCase();
  if (type.includes('json')) {
    inner.body = item.body;
    inner.rawBody = Buffer.from(JSON.stringify(item.body));
    return;
  }
  if (typeof item.body !== 'string')
    throw malformed(`Request '${item.id}' has a non-JSON body that is not base64.`);
  inner.rawBody = Buffer.from(item.body, 'base64');
  parseBody(inner);
}

function innerResponse(id: string, response: SandboxResponse): BatchResponseItem {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    const lower = name.toLowerCase();
    if (!OUTER_ONLY.has(lower)) headers[casedHeader(lower)] = value;
  }
  const item: BatchResponseItem = { id, status: response.status, headers };
  const body = response.body;
  if (body === undefined) return item;
  const json = /json/i.test(headers['Content-Type'] ?? '');
  if (Buffer.isBuffer(body)) item.body = body.toString('base64');
  else if (typeof body === 'string')
    item.body = json ? JSON.parse(body) : Buffer.from(body).toString('base64');
  else item.body = body;
  return item;
}

/** content-type → Content-Type, as Graph writes inner headers; x-ms-* stay lower case. */
function casedHeader(lower: string): string {
  if (CASED[lower]) return CASED[lower];
  if (lower.startsWith('x-ms-')) return lower;
  return lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

export const routes: GraphRoute[] = [
  {
    method: 'POST',
    path: '/$batch',
    permissions: [],
    handler: batch,
    versions: ['v1.0', 'beta'],
    frontEnd: true,
  },
];
