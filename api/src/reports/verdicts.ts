// Verdicts by analysts, on one report or a whole campaign: stored and audited in one transaction
// with the reporters' outcome notifications, then the auto-retraction policy runs.
import type { Disposition } from '@clawback/shared';
import type { Caller } from '../auth/caller.js';
import type { Executor } from '../db/client.js';
import type { AuditActor } from './audit-actor.js';
import type { ReportsContext } from './context.js';
import type { StoredSettings } from './settings.js';
import { sendInTransaction } from './job-outbox.js';
import { runVerdictPolicy, type PolicyOutcome } from './verdict-policy.js';

export interface VerdictInput {
  tenantId: string;
  id: string;
  disposition: Disposition;
  caller: Caller;
  actor: AuditActor;
}

export interface VerdictResult extends PolicyOutcome {
  id: string;
  disposition: Disposition;
  verdictAt: Date;
  notifying: number;
}

export function createVerdicts(ctx: ReportsContext) {
  // Settings are read before the transaction opens: a read on another connection inside it
  // deadlocks PGlite, which has only one.
  async function outcomeJobs(
    tx: Executor,
    tenantId: string,
    reportIds: string[],
    { settings }: StoredSettings,
  ): Promise<number> {
    if (!settings.notifications.onVerdict.enabled || !settings.reportingMailbox) return 0;
    await sendInTransaction(
      ctx.boss,
      tx,
      reportIds.map((reportId) => ({ kind: 'notify', tenantId, reportId, notification: 'outcome' })),
    );
    return reportIds.length;
  }

  return {
    async onCampaign(input: VerdictInput): Promise<VerdictResult | null> {
      const { tenantId, id, disposition, actor } = input;
      const verdictAt = new Date();
      const verdictBy = actor.actorName ?? actor.actorId ?? null;
      const settings = await ctx.settings.get(tenantId);
      const stored = await ctx.db.transaction(async (tx) => {
        const campaign = await ctx.campaigns.lock(tenantId, id, tx);
        if (!campaign) return null;
        const verdict = { disposition, verdictAt, verdictBy, status: 'resolved' };
        await ctx.campaigns.update(tenantId, id, { ...verdict, verdictSource: 'analyst' }, tx);
        const reportIds = await ctx.reports.setCampaignOutcome(tenantId, id, verdict, tx);
        await ctx.audit.record(
          {
            ...actor,
            action: 'campaign.verdict',
            targetType: 'campaign',
            targetId: id,
            outcome: 'success',
            details: { disposition, previous: campaign.disposition, reports: reportIds.length },
          },
          tx,
        );
        return { campaign, notifying: await outcomeJobs(tx, tenantId, reportIds, settings) };
      });
      if (!stored) return null;
      const event = {
        tenantId,
        campaignId: id,
        internetMessageId: stored.campaign.internetMessageId,
        disposition,
      };
      const policy = await runVerdictPolicy(ctx, event, input.caller, actor);
      return { id, disposition, verdictAt, notifying: stored.notifying, ...policy };
    },

    async onReport(input: VerdictInput): Promise<VerdictResult | null> {
      const { tenantId, id, disposition, actor } = input;
      const verdictAt = new Date();
      const verdictBy = actor.actorName ?? actor.actorId ?? null;
      const settings = await ctx.settings.get(tenantId);
      const stored = await ctx.db.transaction(async (tx) => {
        const before = await ctx.reports.get(tenantId, id, tx);
        if (!before) return null;
        const report = await ctx.reports.update(
          tenantId,
          id,
          { disposition, verdictAt, verdictBy, status: 'resolved' },
          tx,
        );
        await ctx.audit.record(
          {
            ...actor,
            action: 'report.verdict',
            targetType: 'report',
            targetId: id,
            outcome: 'success',
            details: { disposition, previous: before.disposition, campaignId: before.campaignId },
          },
          tx,
        );
        return { report: report!, notifying: await outcomeJobs(tx, tenantId, [id], settings) };
      });
      if (!stored) return null;
      const { campaignId, internetMessageId } = stored.report;
      const policy = await runVerdictPolicy(
        ctx,
        { tenantId, campaignId, internetMessageId, disposition },
        input.caller,
        actor,
      );
      return { id, disposition, verdictAt, notifying: stored.notifying, ...policy };
    },
  };
}

export type Verdicts = ReturnType<typeof createVerdicts>;
