// What the reporting services share: repositories, Graph readers, the directory, the audit log,
// the job queue and (when the retraction engine is installed) the verdict policy.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Disposition } from '@clawback/shared';
import type { AuditLog } from '../audit/audit-log.js';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/client.js';
import type { DirectoryService } from '../directory/directory-service.js';
import type { MessageIndex } from '../messages/message-index.js';
import type { CampaignRepository } from './campaign-repository.js';
import type { MailboxReader } from './mailbox-message.js';
import type { NotesRepository } from './notes-repository.js';
import type { ReportRepository } from './report-repository.js';
import type { SettingsService } from './settings.js';
import type { TenantDomains } from './tenant-domains.js';

export interface VerdictEvent {
  tenantId: string;
  campaignId: string;
  internetMessageId: string;
  disposition: Disposition;
  /** Who set the verdict: a person, an app, or Clawback itself when the threshold rule decided. */
  caller: Caller;
  callerName: string | null;
}

/** What the retraction engine offers as `fastify.verdicts` (the auto-retraction policy). */
export interface VerdictPolicy {
  onVerdict(event: VerdictEvent): Promise<{ retractionId: string } | null>;
}

export interface ReportsContext {
  db: Database;
  reports: ReportRepository;
  campaigns: CampaignRepository;
  notes: NotesRepository;
  settings: SettingsService;
  mailbox: MailboxReader;
  tenantDomains: TenantDomains;
  messageIndex: MessageIndex;
  directory: () => DirectoryService;
  verdictPolicy: () => VerdictPolicy | null;
  /** Clawback's own app identity, the caller of verdicts no person set (the threshold rule). */
  clawbackCaller: (tenantId: string) => Caller;
  audit: AuditLog;
  boss: PgBoss;
  graph: Client;
  log: FastifyBaseLogger;
}
