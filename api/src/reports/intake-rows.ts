// What one new report stores besides itself, built from what intake read: its row, its evidence,
// the reporter's copy for the message index, its audit row and the jobs it starts.
import { randomUUID } from 'node:crypto';
import type { CreateReport, Enrichment, ReporterCopyAction, UserReportedSettings } from '@clawback/shared';
import type { AuditInput } from '../audit/audit-repository.js';
import type { UserCaller } from '../auth/caller.js';
import type { MailboxRef } from '../directory/directory-service.js';
import type { AuditActor } from './audit-actor.js';
import type { CampaignRow } from './campaign-repository.js';
import type { Placement } from './campaign-placement.js';
import type { GraphMessage } from './mailbox-message.js';
import { MAX_ESTIMATE_ADDRESSES, type ReportJob } from './queues.js';
import type { EvidenceRow, ReportRow } from './report-repository.js';

export interface ReadMessage {
  message: GraphMessage;
  internetMessageId: string;
  eml: Buffer;
  /** SHA-256 of `eml`, hex. */
  emlSha256: string;
  evidenceSource: 'client' | 'graph';
  enrichment: Enrichment;
  fingerprint: string;
}

export interface StoreInput {
  caller: UserCaller;
  mailbox: MailboxRef;
  body: CreateReport;
  read: ReadMessage;
  settings: UserReportedSettings;
  actor: AuditActor;
  reporterCopy: ReporterCopyAction;
}

export function buildReport(input: StoreInput, campaign: CampaignRow, now: Date): ReportRow {
  const { caller, mailbox, body, read } = input;
  return {
    tenantId: caller.tenantId,
    id: randomUUID(),
    campaignId: campaign.id,
    reporterId: caller.oid,
    reporterUpn: (mailbox.upn ?? caller.upn)?.toLowerCase() ?? null,
    reporterAddress: mailbox.mail ?? mailbox.upn ?? caller.upn,
    messageId: read.message.id,
    internetMessageId: read.internetMessageId,
    category: body.category,
    comment: body.comment?.trim() || null,
    options: body.options ?? [],
    subject: read.message.subject ?? null,
    sender: senderOf(read),
    receivedAt: read.message.receivedDateTime ? new Date(read.message.receivedDateTime) : null,
    enrichment: read.enrichment as unknown as Record<string, unknown>,
    fingerprint: read.fingerprint,
    status: 'new',
    assignee: null,
    // A decided campaign hands its outcome to a newcomer.
    disposition: campaign.disposition,
    verdictAt: campaign.disposition ? campaign.verdictAt : null,
    verdictBy: campaign.disposition ? campaign.verdictBy : null,
    reportedAt: now,
    updatedAt: now,
    forwardedAt: null,
    reporterCopyMovedAt: null,
    receiptNotifiedAt: null,
    outcomeNotifiedAt: null,
    outcomeNotified: null,
  };
}

export function evidenceOf(row: ReportRow, read: ReadMessage): EvidenceRow {
  return {
    tenantId: row.tenantId,
    reportId: row.id,
    source: read.evidenceSource,
    sha256: read.emlSha256,
    size: read.eml.length,
    eml: read.eml,
  };
}

const senderOf = (read: ReadMessage) =>
  read.enrichment.from?.address ?? read.enrichment.sender?.address ?? null;

const recipientsOf = (message: GraphMessage) =>
  [...(message.toRecipients ?? []), ...(message.ccRecipients ?? [])]
    .map((r) => r.emailAddress?.address?.toLowerCase())
    .filter((a): a is string => !!a);

export function indexCopy({ caller, mailbox, read }: StoreInput) {
  return {
    tenantId: caller.tenantId,
    mailboxId: caller.oid,
    mailboxUpn: mailbox.upn,
    messageId: read.message.id,
    internetMessageId: read.internetMessageId,
    sender: senderOf(read),
    recipients: recipientsOf(read.message),
    subject: read.message.subject ?? null,
    receivedAt: read.message.receivedDateTime ? new Date(read.message.receivedDateTime) : null,
    folder: null,
    folderId: read.message.parentFolderId ?? null,
    isRead: read.message.isRead ?? null,
    source: 'report',
  };
}

/** The jobs a new report starts, per the tenant's settings and its campaign. */
export function jobsOf(input: StoreInput, report: ReportRow, placement: Placement): ReportJob[] {
  const { caller, settings, reporterCopy, read } = input;
  const tenantId = caller.tenantId;
  const reportId = report.id;
  const jobs: ReportJob[] = [];
  if (reporterCopy !== 'keep')
    jobs.push({
      kind: 'reporterCopy',
      tenantId,
      reportId,
      destination: reporterCopy === 'junk' ? 'junkemail' : 'deleteditems',
    });
  if (settings.forward.enabled && settings.reportingMailbox)
    jobs.push({ kind: 'forward', tenantId, reportId });
  if (settings.notifications.onReceipt.enabled && settings.reportingMailbox)
    jobs.push({ kind: 'notify', tenantId, reportId, notification: 'receipt' });
  // Joining a campaign decided before: the reporter hears the outcome at once.
  if (placement.campaign.disposition && settings.notifications.onVerdict.enabled)
    jobs.push({ kind: 'notify', tenantId, reportId, notification: 'outcome' });
  if (placement.newMessage) {
    const addresses = [...new Set(recipientsOf(read.message))].slice(0, MAX_ESTIMATE_ADDRESSES);
    jobs.push({ kind: 'estimate', tenantId, campaignId: report.campaignId, addresses });
  }
  return jobs;
}

export function received(input: StoreInput, report: ReportRow): AuditInput {
  return {
    ...input.actor,
    action: 'report.received',
    targetType: 'report',
    targetId: report.id,
    outcome: 'success',
    details: {
      category: report.category,
      campaignId: report.campaignId,
      internetMessageId: report.internetMessageId,
      evidence: {
        source: input.read.evidenceSource,
        sha256: input.read.emlSha256,
        size: input.read.eml.length,
      },
    },
  };
}
