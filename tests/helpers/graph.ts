// The real SDKs, configured only by what the sandbox's control API says about its app registration:
// the same code would talk to a real tenant given that tenant's values.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import type { TestSandbox } from './sandbox.js';

export function msalFor(
  sandbox: TestSandbox,
  clientId = sandbox.clientId,
  clientSecret = sandbox.clientSecret,
) {
  return new ConfidentialClientApplication({
    auth: {
      clientId,
      clientSecret,
      authority: sandbox.authority,
      knownAuthorities: [new URL(sandbox.url).host],
    },
  });
}

/** A fresh app-only Graph token (skipping MSAL's cache, so permission changes show). */
export async function graphToken(sandbox: TestSandbox): Promise<string> {
  const result = await msalFor(sandbox).acquireTokenByClientCredential({
    scopes: ['https://graph.microsoft.com/.default'],
    skipCache: true,
  });
  if (!result) throw new Error('no token');
  return result.accessToken;
}

/** A Graph SDK client against the sandbox; tokens from msal-node through client credentials. */
export function graphClient(sandbox: TestSandbox, options: { immutableIds?: boolean } = {}): Client {
  const msal = msalFor(sandbox);
  return Client.initWithMiddleware({
    baseUrl: `${sandbox.url}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(sandbox.url).hostname]),
    authProvider: {
      getAccessToken: async () => {
        const result = await msal.acquireTokenByClientCredential({
          scopes: ['https://graph.microsoft.com/.default'],
        });
        return result!.accessToken;
      },
    },
    fetchOptions: options.immutableIds ? { headers: { Prefer: 'IdType="ImmutableId"' } } : undefined,
  });
}

/** Raw HTTPS to Graph with a token, for asserting on status codes and headers the SDK hides. */
export async function graphFetch(
  sandbox: TestSandbox,
  path: string,
  init: RequestInit & { token?: string } = {},
) {
  const token = init.token ?? (await graphToken(sandbox));
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(
    `${sandbox.url}${path.startsWith('/v1.0') || path.startsWith('/beta') ? '' : '/v1.0'}${path}`,
    { ...init, headers },
  );
}
