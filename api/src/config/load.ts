// Environment → Config. In sandbox mode the tenant, app registration, authority and CA come from
// the sandbox's control API (GET /_sandbox/app); anything set in the environment still wins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, X509Certificate } from 'node:crypto';
import { ConfigError, parseEnvironment, type Config } from './config.js';
import type { Environment } from './schema.js';

/** What the sandbox says about the app registration it holds for Clawback. */
export interface SandboxAppDescription {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authority: string;
  graphBaseUrl: string;
  caCertPath: string;
  apiIdentifierUri: string | null;
}

export function loadConfig(
  rawEnv: Record<string, string | undefined>,
  sandboxApp?: SandboxAppDescription,
): Config {
  const env = parseEnvironment(rawEnv);
  if (env.CLAWBACK_MODE === 'sandbox' && !sandboxApp)
    throw new ConfigError(['sandbox mode needs the sandbox app registration (start it with `npm start`)']);
  const fromSandbox = env.CLAWBACK_MODE === 'sandbox' ? sandboxApp : undefined;
  const tenantId = env.TENANT_ID ?? fromSandbox?.tenantId;
  const clientId = env.CLIENT_ID ?? fromSandbox?.clientId;
  if (!tenantId || !clientId) throw new ConfigError(['TENANT_ID and CLIENT_ID are required']);
  const authority =
    fromSandbox && !env.TENANT_ID
      ? fromSandbox.authority
      : `${env.AUTHORITY_HOST.replace(/\/$/, '')}/${tenantId}`;
  const problems: string[] = [];
  const read = (variable: string, path: string | undefined) => {
    if (!path) return null;
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      problems.push(
        `${variable} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${path}`,
      );
      return null;
    }
  };
  const certificatePem = read('CLIENT_CERTIFICATE_PATH', env.CLIENT_CERTIFICATE_PATH);
  const certificateKey = read('CLIENT_CERTIFICATE_KEY_PATH', env.CLIENT_CERTIFICATE_KEY_PATH);
  const extraCa = read('EXTRA_CA_CERT_PATH', env.EXTRA_CA_CERT_PATH ?? fromSandbox?.caCertPath);
  const tlsCert = read('TLS_CERT_PATH', env.TLS_CERT_PATH);
  const tlsKey = read('TLS_KEY_PATH', env.TLS_KEY_PATH);
  if (problems.length) throw new ConfigError(problems);

  const audiences = [clientId, env.API_AUDIENCE ?? fromSandbox?.apiIdentifierUri ?? `api://${clientId}`];
  return {
    mode: env.CLAWBACK_MODE,
    sandboxUrl: fromSandbox ? new URL(fromSandbox.authority).origin : null,
    role: env.CLAWBACK_ROLE,
    host: env.HOST ?? (env.CLAWBACK_MODE === 'sandbox' ? '127.0.0.1' : '0.0.0.0'),
    port: env.PORT,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL ?? null,
    logLevel: env.LOG_LEVEL,
    tenantId,
    authority,
    knownAuthorities: [new URL(authority).host],
    graphBaseUrl: fromSandbox && !env.TENANT_ID ? fromSandbox.graphBaseUrl : env.GRAPH_BASE_URL,
    app: {
      clientId,
      clientSecret: env.CLIENT_SECRET ?? fromSandbox?.clientSecret,
      certificate:
        certificatePem && certificateKey ? certificateCredential(certificatePem, certificateKey) : undefined,
    },
    apiAudiences: [...new Set(audiences)],
    allowedClientIds: env.ALLOWED_CLIENT_IDS,
    corsOrigins: env.CORS_ORIGINS,
    extraCaCert: extraCa,
    tls: tlsCert && tlsKey ? { cert: tlsCert, key: tlsKey } : null,
    roleCacheSeconds: env.ROLE_CACHE_SECONDS,
    jobExpireSeconds: env.JOB_EXPIRE_SECONDS,
    queueMaintenanceSeconds: env.QUEUE_MAINTENANCE_SECONDS,
    jwksCacheMaxAgeMs: 10 * 60_000,
    jwksCooldownMs: 30_000,
    automationAppRole: env.AUTOMATION_APP_ROLE,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    functionApps: functionApps(env),
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, '') ?? null,
    directorySyncCron: env.DIRECTORY_SYNC_CRON === 'off' ? null : env.DIRECTORY_SYNC_CRON,
    directoryPageSize: env.DIRECTORY_PAGE_SIZE,
  };
}

/** Separate app registrations for functions that have one; the others run as the main app. */
function functionApps(env: Environment): Config['functionApps'] {
  const apps: Config['functionApps'] = {};
  if (env.RETRACTION_CLIENT_ID)
    apps.retraction = { clientId: env.RETRACTION_CLIENT_ID, clientSecret: env.RETRACTION_CLIENT_SECRET };
  if (env.DIRECTORY_CLIENT_ID)
    apps.directory = { clientId: env.DIRECTORY_CLIENT_ID, clientSecret: env.DIRECTORY_CLIENT_SECRET };
  if (env.COLLECTION_CLIENT_ID)
    apps.collection = { clientId: env.COLLECTION_CLIENT_ID, clientSecret: env.COLLECTION_CLIENT_SECRET };
  return apps;
}

function certificateCredential(certificatePem: string, privateKeyPem: string) {
  const certificate = new X509Certificate(certificatePem);
  return {
    privateKeyPem,
    thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex'),
    x5c: certificatePem,
  };
}

export function pgliteDirectory(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'pglite');
}

export type { Environment };
