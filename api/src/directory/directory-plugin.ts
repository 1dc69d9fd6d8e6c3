// The directory feature: the synced store behind `fastify.directory` (the DirectoryService other
// features call), the sync job, authorizations per function and domain onboarding behind
// `fastify.directoryAdmin` (what the routes call). On close, a running sync stops at its next page
// boundary, with everything before it committed and its next link stored.
import fp from 'fastify-plugin';
import { createAuthorizationRepository } from './authorization-repository.js';
import { createAuthorizations, type Authorizations } from './authorizations.js';
import { createDirectoryCounts } from './directory-counts.js';
import { createDomainRepository } from './domain-repository.js';
import { createFunctionApps } from './function-apps.js';
import { createGraphReader } from './graph-pages.js';
import { createMailboxDirectory } from './mailbox-directory.js';
import { createMailboxQueries } from './mailbox-queries.js';
import { createObjectRepository } from './object-repository.js';
import { createOnboarding, type Onboarding } from './onboarding.js';
import { createRoleRepository } from './role-repository.js';
import { runDomainsPhase } from './snapshot-phases.js';
import { defineSyncQueue, requestSync, type SyncJob } from './sync-queue.js';
import { createSyncRunner } from './sync-runner.js';
import { createSyncStateRepository } from './sync-state-repository.js';

export interface DirectoryAdmin {
  onboarding: Onboarding;
  authorizations: Authorizations;
  /** Queues a sync run; null when one is already waiting. */
  requestSync(tenantId: string, requestedBy: string | null): Promise<string | null>;
  /** Runs a sync in this process now, outside the queue. */
  runSync(tenantId: string): Promise<void>;
}

// `fastify.directory` is declared with the DirectoryService interface itself.
declare module 'fastify' {
  interface FastifyInstance {
    directoryAdmin: DirectoryAdmin;
  }
}

export default fp(
  async (fastify) => {
    const { config } = fastify;
    const db = fastify.database.db;
    const apps = createFunctionApps(config, fastify.graph);
    const gateway = apps.gateway('directory');
    const reader = createGraphReader(gateway.executor, config.graphBaseUrl);
    const states = createSyncStateRepository(db);
    const domains = createDomainRepository(db);
    const shutdown = new AbortController();
    const running = new Set<Promise<void>>();

    const runner = createSyncRunner({
      db,
      reader,
      states,
      domains,
      objects: createObjectRepository(db),
      roles: createRoleRepository(db),
      pageSize: config.directoryPageSize,
      log: fastify.log,
    });
    const run = (tenantId: string) => {
      const current = runner(tenantId, shutdown.signal);
      running.add(current);
      void current.catch(() => undefined).finally(() => running.delete(current));
      return current;
    };
    await defineSyncQueue(fastify.queue, {
      run,
      tenantId: config.tenantId,
      cron: config.directorySyncCron,
    });
    const queueSync = (tenantId: string, requestedBy: string | null, reason: SyncJob['reason'] = 'manual') =>
      requestSync(fastify.queue, { tenantId, reason, ...(requestedBy ? { requestedBy } : {}) });

    const authorizations = createAuthorizations({
      config,
      apps,
      repository: createAuthorizationRepository(db),
      audit: fastify.audit,
    });
    const onboarding = createOnboarding({
      domains,
      states,
      authorizations,
      counts: createDirectoryCounts(db),
      audit: fastify.audit,
      refreshDomains: (tenantId) => runDomainsPhase({ tenantId, db, reader, states }, domains),
      requestSync: (tenantId, requestedBy) => queueSync(tenantId, requestedBy, 'publish'),
      schedule: config.directorySyncCron,
    });

    fastify.decorate(
      'directory',
      createMailboxDirectory({
        queries: createMailboxQueries(db),
        domains,
        states,
        graph: () => gateway.client,
      }),
    );
    fastify.decorate('directoryAdmin', { onboarding, authorizations, requestSync: queueSync, runSync: run });
    fastify.addHook('onClose', async () => {
      shutdown.abort();
      await Promise.allSettled([...running]);
      await apps.close();
    });
  },
  { name: 'directory', dependencies: ['db', 'graph', 'queue', 'audit'] },
);
