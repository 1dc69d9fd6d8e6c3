// The stack the harness benchmark drives, as the browser tests build theirs: a sandbox, the real API
// on HTTPS with the sandbox's localhost certificate, and the tenant onboarded. The API serves the
// benchmark's own sandbox build under HARNESS_PREFIX (pages load their assets relatively and call
// /api/v1 on the same origin), so a running stack's addin/dist is neither replaced nor measured.
import { readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { startSandbox } from '@clawback/sandbox';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { controlClient, type TestSandbox } from '../helpers/sandbox.js';
import { onboardTenant } from '../helpers/tenant.js';

export const HARNESS_PREFIX = '/bench-addin/';

export interface AddinStack {
  sandbox: TestSandbox;
  api: TestApi;
  /** https://localhost:<port>, the API's origin. */
  origin: string;
  harnessUrl: string;
  close(): Promise<void>;
}

export async function startAddinStack(options: { dataDir: string; dist: string }): Promise<AddinStack> {
  const running = await startSandbox({ port: 0, dataDir: options.dataDir, users: 20 });
  const sandbox: TestSandbox = Object.assign(running, { control: controlClient(running.url) });
  let api: TestApi | null = null;
  try {
    api = await startTestApi(
      sandbox,
      {
        directorySyncCron: null,
        tls: {
          cert: readFileSync(sandbox.localhostCertPath, 'utf8'),
          key: readFileSync(sandbox.localhostKeyPath, 'utf8'),
        },
      },
      // The app's own static plugin may already have decorated replies (when addin/dist exists).
      (app) =>
        void app.register(fastifyStatic, {
          root: options.dist,
          prefix: HARNESS_PREFIX,
          index: false,
          wildcard: false,
          decorateReply: false,
        }),
    );
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    await onboardTenant(api);
  } catch (error) {
    await api?.close();
    await sandbox.close();
    throw error;
  }
  const origin = `https://localhost:${(api.app.server.address() as { port: number }).port}`;
  const started = api;
  return {
    sandbox,
    api: started,
    origin,
    harnessUrl: `${origin}${HARNESS_PREFIX}harness.html`,
    async close() {
      await started.close();
      await sandbox.close();
    },
  };
}
