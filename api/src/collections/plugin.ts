import fp from 'fastify-plugin';
import { createFunctionApps } from '../directory/function-apps.js';
import { createMessageIndex, type MessageIndex } from '../messages/message-index.js';
import { createBatchService, type BatchService } from './batch-service.js';
import { QUEUES, type CollectionDeps, type JobData, type RetryData } from './deps.js';
import { createItemRepository } from './item-repository.js';
import { createCollectionRepository } from './repository.js';
import { createCollectionService, type CollectionService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    collections: CollectionService;
    collectionBatches: BatchService;
    messageIndex: MessageIndex;
  }
}

/** Mail and calendar collection: data sources, scheduled batches on pg-boss, exports. */
export default fp(
  async (fastify) => {
    const messageIndex = fastify.hasDecorator('messageIndex')
      ? fastify.messageIndex
      : createMessageIndex(fastify.database.db);
    if (!fastify.hasDecorator('messageIndex')) fastify.decorate('messageIndex', messageIndex);
    // Seed 002 recommends an app registration per data source: collection runs as the
    // 'collection' function's app when one is configured (COLLECTION_CLIENT_ID), else the main one.
    const apps = createFunctionApps(fastify.config, fastify.graph);
    fastify.addHook('onClose', () => apps.close());
    const deps: CollectionDeps = {
      repository: createCollectionRepository(fastify.database.db),
      items: createItemRepository(fastify.database.db),
      graph: apps.gateway('collection'),
      graphBaseUrl: fastify.config.graphBaseUrl,
      directory: () => fastify.directory,
      index: messageIndex,
      audit: fastify.audit,
      queue: fastify.queue,
      log: fastify.log,
    };
    const batches = createBatchService(deps);
    fastify.decorate('collectionBatches', batches);
    fastify.decorate('collections', createCollectionService(deps, batches));

    await fastify.queue.define<JobData>({
      name: QUEUES.job,
      // A job covers up to `monitored individuals per job` mailboxes; a worker that dies mid-job
      // is noticed when the job expires, and the retry resumes from the stored progress.
      options: { expireInSeconds: 60 * 60, retryLimit: 5, retryDelay: 5, retryBackoff: true },
      workers: 2,
      handler: async ([job]) => batches.runJob(job!.data),
    });
    await fastify.queue.define<RetryData>({
      name: QUEUES.retry,
      handler: async ([job]) => batches.retry(job!.data),
    });
    await fastify.queue.define<object>({
      name: QUEUES.tick,
      options: { expireInSeconds: 5 * 60, retryLimit: 0 },
      handler: async () => batches.tick(),
    });
    if (fastify.config.role !== 'api') await fastify.queue.boss.schedule(QUEUES.tick, '* * * * *');
  },
  { name: 'collections', dependencies: ['db', 'queue', 'graph', 'audit', 'directory'] },
);
