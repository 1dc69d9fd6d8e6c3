// The HTTPS front door: one listener on loopback, three planes by path — /_sandbox (control),
// /v1.0 and /beta (Graph), everything else (Entra ID).
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from './http/router.js';
import type { SandboxRequest, SandboxResponse } from './http/types.js';
import type { GraphDispatch } from './graph/pipeline.js';
import type { SandboxStats } from './stats.js';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const GRAPH_PATH = /^\/(v1\.0|beta)(\/|$)/i;

export interface Planes {
  control: Router;
  entra: Router;
  graph: GraphDispatch;
  stats: SandboxStats;
  origin: () => string;
  onError: (error: unknown) => void;
}

export async function listen(
  tls: { cert: string; key: string },
  port: number,
  planes: Planes,
): Promise<{ servers: Server[]; port: number }> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, planes).catch((error) => {
      planes.onError(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 'InternalServerError', message: 'The sandbox failed to handle the request.' },
        }),
      );
    });
  };
  const primary = createServer({ cert: tls.cert, key: tls.key, keepAliveTimeout: 65_000 }, handler);
  const boundPort = await bind(primary, port, '127.0.0.1');
  const servers = [primary];
  // "localhost" may resolve to ::1 first; answer there too when the machine has IPv6 loopback.
  const secondary = createServer({ cert: tls.cert, key: tls.key, keepAliveTimeout: 65_000 }, handler);
  try {
    await bind(secondary, boundPort, '::1');
    servers.push(secondary);
  } catch {
    secondary.close();
  }
  return { servers, port: boundPort };
}

function bind(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, planes: Planes): Promise<void> {
  planes.stats.totalRequests += 1;
  const request = await readRequest(req, planes.origin());
  if (!request) {
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ error: { code: 'RequestEntityTooLarge', message: 'The request body is too large.' } }),
    );
    return;
  }
  let response: SandboxResponse | 'drop';
  if (request.path.startsWith('/_sandbox/')) response = await route(planes.control, request, controlNotFound);
  else if (GRAPH_PATH.test(request.path)) response = await planes.graph(request);
  else response = await route(planes.entra, request, entraNotFound);
  if (response === 'drop') {
    req.socket.destroy();
    return;
  }
  send(res, response);
}

async function route(
  router: Router,
  request: SandboxRequest,
  notFound: (request: SandboxRequest) => SandboxResponse,
) {
  const match = router.find(request.method, request.path);
  if (!match) return notFound(request);
  request.params = match.params;
  return match.handler(request);
}

function controlNotFound(request: SandboxRequest): SandboxResponse {
  return {
    status: 404,
    headers: { 'content-type': 'application/json' },
    body: { error: { code: 'notFound', message: `No control endpoint ${request.method} ${request.path}.` } },
  };
}

function entraNotFound(request: SandboxRequest): SandboxResponse {
  return {
    status: 404,
    headers: { 'content-type': 'application/json' },
    body: {
      error: 'not_found',
      error_description: `The sandbox does not implement ${request.method} ${request.path}.`,
    },
  };
}

async function readRequest(req: IncomingMessage, origin: string): Promise<SandboxRequest | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  const rawBody = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', origin);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  const request: SandboxRequest = {
    method: req.method ?? 'GET',
    path: url.pathname.replace(/%24/gi, '$'),
    query: url.searchParams,
    headers,
    body: undefined,
    rawBody,
    params: {},
    origin,
  };
  parseBody(request);
  return request;
}

/** JSON and form bodies are parsed up front; a broken body is flagged, not thrown. */
export function parseBody(request: SandboxRequest): void {
  if (request.rawBody.length === 0) return;
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const text = request.rawBody.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) {
    request.body = Object.fromEntries(new URLSearchParams(text));
  } else if (type.includes('json') || type === '') {
    try {
      request.body = JSON.parse(text);
    } catch {
      request.bodyError = 'The request body is not valid JSON.';
    }
  }
}

function send(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  let payload: string | Buffer | undefined;
  if (response.body === undefined) payload = undefined;
  else if (Buffer.isBuffer(response.body) || typeof response.body === 'string') payload = response.body;
  else {
    payload = JSON.stringify(response.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}
