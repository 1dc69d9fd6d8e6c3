// Test sandboxes: each test file starts its own on a free port, sharing the run's CA.
import { inject } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '@clawback/sandbox';

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, dataDir: inject('sandboxDataDir'), users: 20, ...options });
  return Object.assign(sandbox, { control: controlClient(sandbox.url) });
}

export type TestSandbox = RunningSandbox & { control: ControlClient };

export interface ControlClient {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  put<T = unknown>(path: string, body?: unknown): Promise<T>;
  patch<T = unknown>(path: string, body?: unknown): Promise<T>;
  delete<T = unknown>(path: string): Promise<T>;
  /** A delegated Clawback API token for a demo user. */
  userToken(user: string, client?: 'outlook' | 'teams' | 'office'): Promise<string>;
}

export function controlClient(baseUrl: string): ControlClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body ?? {}),
    delete: (path) => call('DELETE', path),
    userToken: async (user, client) =>
      (await call<{ access_token: string }>('POST', '/token', { user, ...(client ? { client } : {}) }))
        .access_token,
  };
}
