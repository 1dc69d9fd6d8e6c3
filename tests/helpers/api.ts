// A Clawback API app for tests: the real app plugin, the real Fastify, a real store, configured
// from a test sandbox exactly as `npm start` configures it from the embedded one.
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import app from '../../api/src/app.js';
import type { Config } from '../../api/src/config/config.js';
import { loadConfig, type SandboxAppDescription } from '../../api/src/config/load.js';
import { serverOptions } from '../../api/src/server-options.js';
import { createTestDatabase } from './database.js';
import type { TestSandbox } from './sandbox.js';

export interface TestApi {
  app: FastifyInstance;
  config: Config;
  sandbox: TestSandbox;
  /** An inject with a delegated token for a demo user (UPN), or none for `null`. */
  as(
    user: string | null,
    options: InjectOptions & { client?: 'outlook' | 'teams' | 'office' },
  ): Promise<LightMyRequestResponse>;
  /** An inject with an app-only token of the sandbox's automation app. */
  asAutomation(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function testConfig(
  sandbox: TestSandbox,
  overrides: Partial<Config> = {},
  env: Record<string, string> = {},
): Promise<Config> {
  const description = await sandbox.control.get<SandboxAppDescription>('/app');
  const config = loadConfig(
    { CLAWBACK_MODE: 'sandbox', LOG_LEVEL: 'silent', CLAWBACK_ROLE: 'all', ...env },
    description,
  );
  return { ...config, ...overrides };
}

export async function startTestApi(
  sandbox: TestSandbox,
  overrides: Partial<Config> = {},
  /** Registers test-only routes after the app's plugins, before the app is ready. */
  extend?: (app: FastifyInstance) => void,
): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = await testConfig(sandbox, { databaseUrl: database.url, ...overrides });
  const fastify = Fastify(serverOptions(config, { logger: false }));
  await fastify.register(app, { config });
  if (extend) await fastify.register(async (scoped) => extend(scoped));
  await fastify.ready();
  const tokens = new Map<string, string>();
  const tokenFor = async (user: string, client = 'outlook') => {
    const key = `${user}|${client}`;
    if (!tokens.has(key)) tokens.set(key, await sandbox.control.userToken(user, client as 'outlook'));
    return tokens.get(key)!;
  };
  return {
    app: fastify,
    config,
    sandbox,
    async as(user, { client, ...options }) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (user) headers.authorization = `Bearer ${await tokenFor(user, client)}`;
      return fastify.inject({ ...options, headers });
    },
    async asAutomation(options) {
      const token = await automationToken(sandbox, config);
      return fastify.inject({
        ...options,
        headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` },
      });
    },
    async close() {
      await fastify.close();
      await database.drop();
    },
  };
}

/** Client credentials for the Clawback API itself, as a SIEM connector would get them. */
export async function automationToken(sandbox: TestSandbox, config: Config): Promise<string> {
  const app = await sandbox.control.get<{ automation: { clientId: string; clientSecret: string } }>('/app');
  const response = await fetch(`${sandbox.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.automation.clientId,
      client_secret: app.automation.clientSecret,
      scope: `${config.apiAudiences.at(-1)}/.default`,
    }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) throw new Error(`automation token: ${body.error_description}`);
  return body.access_token;
}
