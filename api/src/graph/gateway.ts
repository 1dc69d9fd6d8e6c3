// The one way Clawback talks to Microsoft Graph: an msal-node confidential client (one per app
// registration, created once so its token cache lives), a Graph SDK client for single calls with
// the SDK's own retry, and a throttling-aware executor for bulk work.
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import {
  AuthenticationHandler,
  Client,
  RetryHandler,
  RetryHandlerOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Config } from '../config/config.js';
import { GraphExecutor } from './executor.js';
import { createOutboundHttp, type OutboundHttp } from './http.js';
import { FetchHandler, ImmutableIdHandler, withImmutableIds } from './middleware.js';
import { msalNetworkModule } from './msal-network.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const TOKEN_REUSE_MARGIN_MS = 5 * 60_000;

export interface GraphTokenInfo {
  accessToken: string;
  expiresOn: Date | null;
  /** Application permissions granted to the app, from the token's `roles`. */
  roles: string[];
}

export class GraphGateway {
  readonly client: Client;
  readonly executor: GraphExecutor;
  private readonly msal: ConfidentialClientApplication;
  private readonly http: OutboundHttp;
  private lastToken: GraphTokenInfo | null = null;

  constructor(private readonly config: Config) {
    this.http = createOutboundHttp(config.extraCaCert);
    this.msal = new ConfidentialClientApplication(msalConfiguration(config, this.http));
    const base = new URL(config.graphBaseUrl);
    const version = base.pathname.replace(/^\/|\/$/g, '') || 'v1.0';
    const baseUrl = `${base.origin}/`;
    const customHosts = new Set([base.hostname]);
    this.client = Client.initWithMiddleware({
      baseUrl,
      defaultVersion: version,
      customHosts,
      middleware: this.chain(true),
    });
    const raw = Client.initWithMiddleware({
      baseUrl,
      defaultVersion: version,
      customHosts,
      middleware: this.chain(false),
    });
    this.executor = new GraphExecutor((requests) =>
      raw.api('/$batch').post({ requests: requests.map(withImmutableIds) }),
    );
  }

  /**
   * An app-only Graph token; `fresh` bypasses every cache (permission changes show at once). The
   * token is reused until five minutes before it expires, so busy paths do not ask MSAL each call.
   */
  async token(fresh = false): Promise<GraphTokenInfo> {
    const cached = this.lastToken;
    if (!fresh && cached?.expiresOn && cached.expiresOn.getTime() - TOKEN_REUSE_MARGIN_MS > Date.now())
      return cached;
    const result = await this.msal.acquireTokenByClientCredential({
      scopes: [GRAPH_SCOPE],
      skipCache: fresh,
    });
    if (!result) throw new Error('MSAL returned no token');
    const info = {
      accessToken: result.accessToken,
      expiresOn: result.expiresOn,
      roles: rolesOf(result.accessToken),
    };
    this.lastToken = info;
    return info;
  }

  /** Outbound HTTPS trusting the configured CA, for other calls to the authority (JWKS). */
  get fetch() {
    return this.http.fetch;
  }

  get lastTokenInfo(): GraphTokenInfo | null {
    return this.lastToken;
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private chain(withRetry: boolean): Middleware {
    const links: Middleware[] = [
      new AuthenticationHandler({ getAccessToken: async () => (await this.token()).accessToken }),
      ...(withRetry ? [new RetryHandler(new RetryHandlerOptions(3, 5))] : []),
      new ImmutableIdHandler(),
      new FetchHandler(this.http.fetch),
    ];
    for (let i = 0; i < links.length - 1; i += 1) links[i]!.setNext?.(links[i + 1]!);
    return links[0]!;
  }
}

function msalConfiguration(config: Config, http: OutboundHttp): Configuration {
  const { clientId, clientSecret, certificate } = config.app;
  return {
    auth: {
      clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      ...(certificate
        ? {
            clientCertificate: {
              thumbprintSha256: certificate.thumbprintSha256,
              privateKey: certificate.privateKeyPem,
              x5c: certificate.x5c,
            },
          }
        : { clientSecret }),
    },
    system: { networkClient: msalNetworkModule(http.fetch) },
  };
}

/** The `roles` claim of a token we received from Entra (read, not verified: it is our own token). */
function rolesOf(accessToken: string): string[] {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  } catch {
    return [];
  }
}
