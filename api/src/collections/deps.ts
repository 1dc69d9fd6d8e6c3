// What the collection engine works with; the plugin wires these from the app's decorators.
import type { FastifyBaseLogger } from 'fastify';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryService } from '../directory/directory-service.js';
import type { GraphGateway } from '../graph/gateway.js';
import type { JobQueue } from '../jobs/queue.js';
import type { MessageIndex } from '../messages/message-index.js';
import type { ItemRepository } from './item-repository.js';
import type { CollectionRepository } from './repository.js';

export interface CollectionDeps {
  repository: CollectionRepository;
  items: ItemRepository;
  graph: GraphGateway;
  graphBaseUrl: string;
  directory: () => DirectoryService;
  index: MessageIndex;
  audit: AuditLog;
  queue: JobQueue;
  log: FastifyBaseLogger;
}

export const QUEUES = {
  tick: 'collection-tick',
  job: 'collection-job',
  retry: 'collection-retry',
} as const;

/** One job: a batch's slice of `monitored individuals per job` mailboxes. */
export interface JobData {
  batchId: string;
  job: number;
  attempt: number;
}

export interface RetryData {
  batchId: string;
  attempt: number;
}

/**
 * Mailboxes of one job collected side by side. Exchange allows four requests at a time per
 * mailbox (the executor keeps each within that), so throughput comes from many mailboxes at once.
 */
export const MAILBOX_CONCURRENCY = 48;

export const SCHEDULER_ACTOR = 'collection scheduler';
