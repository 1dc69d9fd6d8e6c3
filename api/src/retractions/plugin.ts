import fp from 'fastify-plugin';
import { createMessageIndex, type MessageIndex } from '../messages/message-index.js';
import { createPolicyRepository } from '../policies/policy-repository.js';
import { createPolicyService, type PolicyService } from '../policies/policy-service.js';
import {
  QUEUES,
  type CampaignLookup,
  type ExecuteJob,
  type NotifyJob,
  type PlanJob,
  type RescanJob,
} from './deps.js';
import { createNotifier } from './notifier.js';
import { createRetractionRepository } from './repository.js';
import { startReconciler, type Reconciler } from './reconciler.js';
import { createRunner } from './runner.js';
import { createRetractionService, type RetractionService } from './service.js';
import { createVerdictListener, type VerdictListener } from './verdicts.js';

declare module 'fastify' {
  interface FastifyInstance {
    retractions: RetractionService;
    policies: PolicyService;
    verdicts: VerdictListener;
    messageIndex: MessageIndex;
    retractionReconciler?: Reconciler;
  }
}

/** The retraction engine, its jobs, the auto-retraction policy and the verdict hook. */
export default fp(
  async (fastify) => {
    const messageIndex = fastify.hasDecorator('messageIndex')
      ? fastify.messageIndex
      : createMessageIndex(fastify.database.db);
    if (!fastify.hasDecorator('messageIndex')) fastify.decorate('messageIndex', messageIndex);
    const policies = createPolicyService(createPolicyRepository(fastify.database.db));
    const deps = {
      repository: createRetractionRepository(fastify.database.db),
      graph: fastify.graph,
      directory: fastify.directory,
      index: messageIndex,
      audit: fastify.audit,
      queue: fastify.queue,
      policies,
      campaigns: () =>
        fastify.hasDecorator('campaignLookup')
          ? (fastify as unknown as { campaignLookup: CampaignLookup }).campaignLookup
          : null,
      log: fastify.log,
      leaseSeconds: fastify.config.jobExpireSeconds,
    };
    const runner = createRunner(deps);
    const service = createRetractionService(deps, runner);
    fastify.decorate('retractions', service);
    fastify.decorate('policies', policies);
    fastify.decorate('verdicts', createVerdictListener(policies, service));

    await fastify.queue.define<PlanJob>({
      name: QUEUES.plan,
      handler: async ([job]) => runner.plan(job!.data),
      options: { expireInSeconds: fastify.config.jobExpireSeconds * 5 },
      workers: 2,
    });
    // Short expiry: a worker killed mid-chunk has its chunk retried within a minute.
    await fastify.queue.define<ExecuteJob>({
      name: QUEUES.execute,
      handler: async ([job]) => runner.execute(job!.data),
      options: { expireInSeconds: fastify.config.jobExpireSeconds, retryLimit: 20, retryDelay: 2 },
      workers: 16,
    });
    await fastify.queue.define<RescanJob>({
      name: QUEUES.rescan,
      handler: async ([job]) => void (await runner.rescan(job!.data)),
      workers: 1,
    });
    // A notice claim lasts as long as the job may run: a job that died is retried only after its
    // claims have lapsed, and then looks for what it may already have sent.
    const noticeExpiry = fastify.config.jobExpireSeconds * 5;
    const notifier = createNotifier(deps, noticeExpiry);
    await fastify.queue.define<NotifyJob>({
      name: QUEUES.notify,
      handler: async ([job]) => notifier.notify(job!.data),
      options: { expireInSeconds: noticeExpiry, retryLimit: 10, retryDelay: 2, retryBackoff: true },
      workers: 1,
    });
    if (fastify.config.role !== 'api') {
      // Checked as often as a job expires: a stuck retraction is resumed within two intervals.
      const reconciler = startReconciler({ ...deps, runner }, fastify.config.jobExpireSeconds);
      fastify.decorate('retractionReconciler', reconciler);
      fastify.addHook('onClose', () => reconciler.stop());
    }
  },
  { name: 'retractions', dependencies: ['db', 'graph', 'queue', 'audit', 'directory'] },
);
