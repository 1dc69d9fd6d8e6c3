// Directory test helpers: the control plane's PATCH/DELETE (the shared client has GET/POST/PUT), and
// following Graph collections and delta rounds to their end with the real SDK.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { TestSandbox } from './sandbox.js';

export interface ControlUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  proxyAddresses: string[];
  accountEnabled: boolean;
  userType: string;
}

export interface ControlGroup {
  id: string;
  displayName: string;
  mail: string | null;
  memberIds: string[];
}

/** Any control-plane call, answering status and parsed body (errors included, for 4xx assertions). */
export async function control<T = unknown>(
  sandbox: TestSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The same, failing the test on anything but 2xx. */
export async function controlOk<T = unknown>(
  sandbox: TestSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const result = await control<T>(sandbox, method, path, body);
  if (result.status >= 300)
    throw new Error(`sandbox ${method} ${path} → ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Follows @odata.nextLink to the end; answers every item, the pages seen and any deltaLink. */
export async function followPages<T = Record<string, unknown>>(
  client: Client,
  first: string | GraphPage<T>,
  headers: Record<string, string> = {},
): Promise<{ items: T[]; pages: number; deltaLink: string | null }> {
  let page: GraphPage<T> = typeof first === 'string' ? await client.api(first).headers(headers).get() : first;
  const items = [...page.value];
  let pages = 1;
  while (page['@odata.nextLink']) {
    page = await client.api(page['@odata.nextLink']).headers(headers).get();
    items.push(...page.value);
    pages += 1;
  }
  return { items, pages, deltaLink: page['@odata.deltaLink'] ?? null };
}
