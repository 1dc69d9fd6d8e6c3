// The resolved configuration every plugin reads. Built from the environment (production) or from
// the environment plus the sandbox's app registration (sandbox mode); tests build it directly.
import { environmentSchema, type Environment } from './schema.js';

export interface AppCredentials {
  clientId: string;
  /** Either a secret or a certificate (PEM private key + SHA-256 thumbprint). */
  clientSecret?: string;
  certificate?: { privateKeyPem: string; thumbprintSha256: string; x5c?: string };
}

/** Functions that may each run as their own Entra app, as seed 001's least-privilege tables suggest. */
export type AppFunction = 'retraction' | 'directory' | 'collection';

export interface Config {
  mode: 'sandbox' | 'production';
  /** The local sandbox's origin in sandbox mode (for the harness and sign-in picker), else null. */
  sandboxUrl: string | null;
  role: 'api' | 'worker' | 'all';
  host: string;
  port: number;
  dataDir: string;
  /** PGlite in `${dataDir}/pglite` when absent; `memory://` for an in-memory PGlite. */
  databaseUrl: string | null;
  logLevel: Environment['LOG_LEVEL'];
  tenantId: string;
  /** e.g. https://login.microsoftonline.com/{tenant} or the sandbox's authority. */
  authority: string;
  /** Host:port names MSAL may trust without instance discovery. */
  knownAuthorities: string[];
  graphBaseUrl: string;
  app: AppCredentials;
  /** Audiences accepted on API tokens: the client id and the App ID URI. */
  apiAudiences: string[];
  allowedClientIds: string[];
  corsOrigins: string[];
  /** PEM of an extra CA to trust for Entra and Graph (the sandbox's). */
  extraCaCert: string | null;
  tls: { cert: string; key: string } | null;
  roleCacheSeconds: number;
  jobExpireSeconds: number;
  queueMaintenanceSeconds: number;
  /** How long fetched signing keys are trusted before a refetch, and the minimum gap between refetches. */
  jwksCacheMaxAgeMs: number;
  jwksCooldownMs: number;
  automationAppRole: string;
  rateLimitPerMinute: number;
  /** Per-function app registrations; a function without one runs as `app`. */
  functionApps: Partial<Record<AppFunction, AppCredentials>>;
  /** The API's public origin for redirects (admin consent); null: the request's own origin. */
  publicUrl: string | null;
  /** Cron of the scheduled directory sync (null: none) and its delta page size. */
  directorySyncCron: string | null;
  directoryPageSize: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseEnvironment(env: Record<string, string | undefined>): Environment {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  return result.data;
}
