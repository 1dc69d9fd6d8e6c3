// The reporting queue and its worker (worker processes only; see the queue plugin).
import type { Disposition } from '@clawback/shared';
import type { JobQueue } from '../jobs/queue.js';
import { systemActor } from './audit-actor.js';
import type { ReportsContext } from './context.js';
import { sendInTransaction } from './job-outbox.js';
import { REPORTS_QUEUE, type EstimateJob, type ReportJob, type VerdictFollowUpJob } from './queues.js';
import { createRecipientCounts, type RecipientCounts } from './recipient-counts.js';
import type { SideEffects } from './side-effects.js';
import { runVerdictPolicy } from './verdict-policy.js';

/** Reports of one campaign told their outcome by one follow-up, at most. */
const MAX_NOTIFIED = 10_000;

export async function defineReportJobs(
  queue: JobQueue,
  ctx: ReportsContext,
  effects: SideEffects,
): Promise<void> {
  const recipients = createRecipientCounts(ctx.directory);
  const run = (job: ReportJob): Promise<void> => {
    switch (job.kind) {
      case 'forward':
        return effects.forward(job);
      case 'reporterCopy':
        return effects.moveReporterCopy(job);
      case 'notify':
        return effects.notify(job);
      case 'verdictFollowUp':
        return followUp(ctx, job);
      case 'estimate':
        return estimate(ctx, recipients, job);
    }
  };
  await queue.define<ReportJob>({
    name: REPORTS_QUEUE,
    // A batch runs at once; if any job in it fails the batch is retried, and the jobs that had
    // succeeded find their work done (every job checks its report's state first).
    handler: async (jobs) => {
      const results = await Promise.allSettled(jobs.map((job) => run(job.data)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
    work: { pollingIntervalSeconds: 1, batchSize: 20 },
  });
}

/** After the threshold rule decided a campaign: run the policy and tell every reporter. */
async function followUp(ctx: ReportsContext, { tenantId, campaignId, disposition }: VerdictFollowUpJob) {
  const campaign = await ctx.campaigns.get(tenantId, campaignId);
  if (!campaign || campaign.disposition !== disposition) return;
  await runVerdictPolicy(
    ctx,
    {
      tenantId,
      campaignId,
      internetMessageId: campaign.internetMessageId,
      disposition: disposition as Disposition,
    },
    ctx.clawbackCaller(tenantId),
    systemActor(tenantId, 'threshold rule'),
  );
  const { settings } = await ctx.settings.get(tenantId);
  if (!settings.notifications.onVerdict.enabled) return;
  const reports = await ctx.reports.ofCampaign(tenantId, campaignId, MAX_NOTIFIED);
  await ctx.db.transaction((tx) =>
    sendInTransaction(
      ctx.boss,
      tx,
      reports.map((r) => ({ kind: 'notify', tenantId, reportId: r.id, notification: 'outcome' })),
    ),
  );
}

/** Recipient expansion is a directory query too heavy for the click: it runs here, once per message. */
async function estimate(
  ctx: ReportsContext,
  recipients: RecipientCounts,
  { tenantId, campaignId, addresses }: EstimateJob,
) {
  await ctx.campaigns.raiseEstimate(tenantId, campaignId, await recipients.count(tenantId, addresses));
}
