// startSandbox(): a running Entra ID + Microsoft Graph emulator with a seeded demo tenant.
import { join } from 'node:path';
import type { Server } from 'node:https';
import { createControlRouter, ok } from './control/routes.js';
import type { SandboxContext } from './context.js';
import { KeyRing } from './entra/keys.js';
import { createEntraRouter } from './entra/routes.js';
import { defaultFaults, mergeFaults, type FaultConfig } from './faults/faults.js';
import { MailboxLimiter } from './faults/mailbox-limiter.js';
import { graphRoutes } from './graph/index.js';
import { createGraphDispatcher } from './graph/pipeline.js';
import { listen } from './server.js';
import { ROLE_NAMES } from './state/roles.js';
import { createDemoTenant, DEMO_DOMAIN } from './state/seed.js';
import type { TenantState } from './state/tenant.js';
import { SandboxStats } from './stats.js';
import { loadOrCreateTls } from './tls.js';

export interface SandboxOptions {
  /** 4443 by default; 0 picks a free port. */
  port?: number;
  /** Where the CA and certificates live (default ./data/sandbox). */
  dataDir?: string;
  seed?: number;
  users?: number;
  groups?: number;
  mailPerUser?: number;
  faults?: Partial<FaultConfig>;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  onError?: (error: unknown) => void;
}

export interface RunningSandbox {
  /** https://localhost:{port} */
  url: string;
  port: number;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** PEM of the CA that signed the server certificate: pass as `ca` to clients. */
  caCert: string;
  /** The same CA as a file, usable as NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
  /** A localhost certificate signed by the same CA, for other local HTTPS servers (the API). */
  localhostCertPath: string;
  localhostKeyPath: string;
  authority: string;
  graphBaseUrl: string;
  context: SandboxContext;
  close: () => Promise<void>;
  [Symbol.asyncDispose]: () => Promise<void>;
}

export const DEFAULT_TENANT_ID = '2f5c8e1a-7d43-4b9e-a1c6-0e8d3f7b9a24';
export const DEFAULT_CLIENT_ID = 'c1a5b0e2-3d7f-4e89-b6a1-9f2c4d8e7b35';
export const DEFAULT_CLIENT_SECRET = 'sandbox-clawback-secret';

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const tls = loadOrCreateTls(join(options.dataDir ?? join(process.cwd(), 'data', 'sandbox'), 'tls'));
  const clawbackApp = {
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
  };
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const seedTenant = (seed: {
    seed?: number;
    users?: number;
    groups?: number;
    mailPerUser?: number;
  }): TenantState => createDemoTenant({ tenantId, clawbackApp, ...seed });
  const startFaults = mergeFaults(defaultFaults(), options.faults ?? {});
  const context: SandboxContext = {
    tenant: seedTenant({
      seed: options.seed,
      users: options.users,
      groups: options.groups,
      mailPerUser: options.mailPerUser,
    }),
    keys: new KeyRing(),
    faults: structuredClone(startFaults),
    limiter: new MailboxLimiter(),
    stats: new SandboxStats(),
    origin: '',
    caCertPath: tls.caCertPath,
    clawbackApp,
  };
  const control = createControlRouter(context, {
    startFaults,
    summary: () => tenantSummary(context.tenant),
    reset: (seed) => {
      context.tenant = seedTenant(seed);
      return ok(tenantSummary(context.tenant));
    },
  });
  const onError = options.onError ?? (() => undefined);
  const { servers, port } = await listen(tls, options.port ?? 4443, {
    control,
    entra: createEntraRouter(context),
    graph: createGraphDispatcher(context, graphRoutes),
    stats: context.stats,
    origin: () => context.origin,
    onError,
  });
  context.origin = `https://localhost:${port}`;
  const close = () => closeServers(servers);
  return {
    url: context.origin,
    port,
    tenantId,
    clientId: clawbackApp.clientId,
    clientSecret: clawbackApp.clientSecret,
    caCert: tls.caCert,
    caCertPath: tls.caCertPath,
    localhostCertPath: tls.certPath,
    localhostKeyPath: tls.keyPath,
    authority: `${context.origin}/${tenantId}`,
    graphBaseUrl: `${context.origin}/v1.0`,
    context,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** What reset answers and `npm start` prints: who is in the tenant and what they may do. */
export function tenantSummary(tenant: TenantState) {
  const users = [...tenant.users.values()]
    .filter((u) => !/^user\d+@/.test(u.userPrincipalName))
    .map((u) => ({
      upn: u.userPrincipalName,
      displayName: u.displayName,
      roles: tenant.rolesOf(u.id).map((r) => ROLE_NAMES[r.roleTemplateId] ?? r.displayName),
      kind:
        u.userType === 'Guest'
          ? 'guest'
          : u.mailboxType === 'shared'
            ? 'sharedMailbox'
            : u.licensed
              ? 'user'
              : 'unlicensed',
    }));
  return {
    tenantId: tenant.tenantId,
    domain: DEMO_DOMAIN,
    userCount: tenant.users.size,
    groupCount: tenant.groups.size,
    users,
  };
}

function closeServers(servers: Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  ).then(() => undefined);
}

export type { FaultConfig } from './faults/faults.js';
export { ROLE_TEMPLATES } from './state/roles.js';
export { CLAWBACK_PERMISSIONS, AUTOMATION_APP, CLAWBACK_API_ROLE, DEMO_DOMAIN } from './state/seed.js';
