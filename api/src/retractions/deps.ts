// What the retraction engine works with; the plugin wires these from the app's decorators.
import type { FastifyBaseLogger } from 'fastify';
import type { AuditLog } from '../audit/audit-log.js';
import type { DirectoryService } from '../directory/directory-service.js';
import type { GraphGateway } from '../graph/gateway.js';
import type { JobQueue } from '../jobs/queue.js';
import type { MessageIndex } from '../messages/message-index.js';
import type { PolicyService } from '../policies/policy-service.js';
import type { RetractionRepository } from './repository.js';

/** A campaign as retraction needs it (the reporting feature provides the lookup). */
export interface CampaignLookup {
  find(
    tenantId: string,
    campaignId: string,
  ): Promise<{ internetMessageId: string; subject: string | null; sender: string | null } | null>;
}

export interface RetractionDeps {
  repository: RetractionRepository;
  graph: GraphGateway;
  directory: DirectoryService;
  index: MessageIndex;
  audit: AuditLog;
  queue: JobQueue;
  policies: PolicyService;
  campaigns: () => CampaignLookup | null;
  log: FastifyBaseLogger;
  /** How long a worker's claim on a mailbox holds without renewal (the job expiry). */
  leaseSeconds: number;
}

export const QUEUES = {
  plan: 'retraction-plan',
  execute: 'retraction-execute',
  rescan: 'retraction-rescan',
  notify: 'retraction-notify',
} as const;

/** Mailboxes per execution job: small enough to retry cheaply, large enough to fill batches. */
export const CHUNK_SIZE = 100;

export interface PlanJob {
  retractionId: string;
  recipients: string[];
}

export interface ExecuteJob {
  retractionId: string;
  mailboxIds: string[];
}

export interface RescanJob {
  retractionId: string;
  round: number;
}

export interface NotifyJob {
  retractionId: string;
}
