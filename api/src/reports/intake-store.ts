// One transaction per report: its campaign (found or created), the report, the evidence, the
// reporter's copy in the message index, the campaign's counters and threshold rule, the audit row
// and the jobs it starts. Either all of it is stored or none of it.
import { randomUUID } from 'node:crypto';
import type { CreateReport, Enrichment, ReporterCopyAction, UserReportedSettings } from '@clawback/shared';
import type { AuditInput } from '../audit/audit-repository.js';
import type { UserCaller } from '../auth/caller.js';
import type { Executor } from '../db/client.js';
import type { MailboxRef } from '../directory/directory-service.js';
import { systemActor, type AuditActor } from './audit-actor.js';
import type { CampaignRow } from './campaign-repository.js';
import { placeInCampaign } from './campaign-placement.js';
import type { ReportsContext } from './context.js';
import { sha256 } from './enrichment/fingerprint.js';
import { sendInTransaction } from './job-outbox.js';
import type { GraphMessage } from './mailbox-message.js';
import { MAX_ESTIMATE_ADDRESSES, type ReportJob } from './queues.js';
import type { ReportRow } from './report-repository.js';

export interface ReadMessage {
  message: GraphMessage;
  internetMessageId: string;
  eml: Buffer;
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

class DuplicateReport extends Error {}

export async function storeReport(
  ctx: ReportsContext,
  input: StoreInput,
): Promise<{ report: ReportRow; duplicate: boolean }> {
  const { caller, read } = input;
  try {
    const report = await ctx.db.transaction((tx) => store(ctx, input, tx));
    return { report, duplicate: false };
  } catch (error) {
    if (!(error instanceof DuplicateReport)) throw error;
    // This person reported this message before (or twice at once): answer with that report.
    const existing = await ctx.reports.findByReporterMessage(
      caller.tenantId,
      caller.oid,
      read.internetMessageId,
    );
    if (!existing) throw error;
    return { report: existing, duplicate: true };
  }
}

async function store(ctx: ReportsContext, input: StoreInput, tx: Executor): Promise<ReportRow> {
  const { caller, mailbox, read } = input;
  const tenantId = caller.tenantId;
  const now = new Date();
  const { campaign, newMessage } = await placeInCampaign(ctx, tx, { tenantId, read, now });
  const inserted = buildReport(input, campaign.id, now);
  if (!(await ctx.reports.insert(inserted, tx))) throw new DuplicateReport();
  await ctx.reports.insertEvidence(
    {
      tenantId,
      reportId: inserted.id,
      source: read.evidenceSource,
      sha256: sha256(read.eml),
      size: read.eml.length,
      eml: read.eml,
    },
    tx,
  );
  await ctx.messageIndex.upsert([indexCopy(caller, mailbox, read)], tx);
  const counted = await ctx.campaigns.recount(
    tenantId,
    campaign.id,
    { internetMessageId: read.internetMessageId, at: now },
    tx,
  );
  const outcome = await applyOutcome(ctx, tx, input, inserted, counted, now);
  const audit: AuditInput[] = [received(input, outcome.report)];
  if (outcome.thresholdFired)
    audit.push({
      ...systemActor(tenantId, 'threshold rule'),
      requestId: input.actor.requestId ?? null,
      action: 'campaign.verdict',
      targetType: 'campaign',
      targetId: campaign.id,
      outcome: 'success',
      details: {
        disposition: input.settings.threshold.disposition,
        source: 'threshold',
        reporters: counted.reporterCount,
      },
    });
  await ctx.audit.recordMany(audit, tx);
  const jobs = [...sideEffects(input, inserted.id), ...outcome.jobs];
  if (newMessage) jobs.push(estimateJob(tenantId, campaign.id, read.message));
  await sendInTransaction(ctx.boss, tx, jobs);
  return outcome.report;
}

/**
 * A decided campaign hands its outcome to a newcomer; an undecided one may reach the threshold
 * with this report, which decides it for everyone.
 */
async function applyOutcome(
  ctx: ReportsContext,
  tx: Executor,
  { caller, settings }: StoreInput,
  report: ReportRow,
  campaign: CampaignRow,
  now: Date,
): Promise<{ report: ReportRow; jobs: ReportJob[]; thresholdFired: boolean }> {
  const tenantId = caller.tenantId;
  if (campaign.disposition) {
    const { disposition, verdictAt, verdictBy } = campaign;
    const decided = (await ctx.reports.update(
      tenantId,
      report.id,
      { disposition, verdictAt, verdictBy },
      tx,
    ))!;
    const jobs: ReportJob[] = settings.notifications.onVerdict.enabled
      ? [{ kind: 'notify', tenantId, reportId: report.id, notification: 'outcome' }]
      : [];
    return { report: decided, jobs, thresholdFired: false };
  }
  const { threshold } = settings;
  if (!threshold.enabled || campaign.reporterCount < threshold.reporters)
    return { report, jobs: [], thresholdFired: false };
  const verdict = { disposition: threshold.disposition, verdictAt: now, verdictBy: 'threshold' };
  await ctx.campaigns.update(tenantId, campaign.id, { ...verdict, verdictSource: 'threshold' }, tx);
  await ctx.reports.setCampaignOutcome(tenantId, campaign.id, verdict, tx);
  return {
    report: { ...report, ...verdict },
    jobs: [
      { kind: 'verdictFollowUp', tenantId, campaignId: campaign.id, disposition: threshold.disposition },
    ],
    thresholdFired: true,
  };
}

function buildReport(input: StoreInput, campaignId: string, now: Date): ReportRow {
  const { caller, mailbox, body, read } = input;
  return {
    tenantId: caller.tenantId,
    id: randomUUID(),
    campaignId,
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
    disposition: null,
    verdictAt: null,
    verdictBy: null,
    reportedAt: now,
    updatedAt: now,
    forwardedAt: null,
    reporterCopyMovedAt: null,
    receiptNotifiedAt: null,
    outcomeNotifiedAt: null,
    outcomeNotified: null,
  };
}

const senderOf = (read: ReadMessage) =>
  read.enrichment.from?.address ?? read.enrichment.sender?.address ?? null;

const recipientsOf = (message: GraphMessage) =>
  [...(message.toRecipients ?? []), ...(message.ccRecipients ?? [])]
    .map((r) => r.emailAddress?.address?.toLowerCase())
    .filter((a): a is string => !!a);

function indexCopy(caller: UserCaller, mailbox: MailboxRef, read: ReadMessage) {
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

function estimateJob(tenantId: string, campaignId: string, message: GraphMessage): ReportJob {
  const addresses = [...new Set(recipientsOf(message))].slice(0, MAX_ESTIMATE_ADDRESSES);
  return { kind: 'estimate', tenantId, campaignId, addresses };
}

/** The jobs a new report starts, per the tenant's settings. */
function sideEffects({ caller, settings, reporterCopy }: StoreInput, reportId: string): ReportJob[] {
  const tenantId = caller.tenantId;
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
  return jobs;
}

function received(input: StoreInput, report: ReportRow): AuditInput {
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
        sha256: sha256(input.read.eml),
        size: input.read.eml.length,
      },
    },
  };
}
