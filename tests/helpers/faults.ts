// Fault injection and statistics through the sandbox's control API, and raw Graph calls for tests
// that assert on statuses and headers the Graph SDK would hide or retry away.
import type { TestSandbox } from './sandbox.js';

export interface SandboxStatsSnapshot {
  totalRequests: number;
  graphRequests: number;
  batchRequests: number;
  throttled: number;
  injectedErrors: number;
  droppedConnections: number;
  byEndpoint: Record<string, number>;
  maxConcurrencyByMailbox: Record<string, number>;
  maxConcurrency: number;
}

export interface RawResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Back to no faults, Exchange's default limits, and zeroed statistics. */
export async function clearFaults(sandbox: TestSandbox): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /_sandbox/faults → ${response.status}`);
  await sandbox.control.post('/stats/reset');
}

export function setFaults(sandbox: TestSandbox, change: Record<string, unknown>): Promise<unknown> {
  return sandbox.control.put('/faults', change);
}

export function readStats(sandbox: TestSandbox): Promise<SandboxStatsSnapshot> {
  return sandbox.control.get<SandboxStatsSnapshot>('/stats');
}

/** One Graph request over raw HTTPS with a token the caller already holds (no SDK retries). */
export async function rawGraph<T = Record<string, unknown>>(
  sandbox: TestSandbox,
  token: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RawResponse<T>> {
  const response = await fetch(`${sandbox.url}${path.startsWith('/beta') ? '' : '/v1.0'}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}
