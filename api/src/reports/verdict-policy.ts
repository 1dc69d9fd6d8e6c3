// A verdict starts the auto-retraction policy when the retraction engine is installed. The verdict
// stands whatever the policy does; its answer (a retraction id, nothing to do, or a failure) is
// audited and returned to the analyst.
import type { Disposition } from '@clawback/shared';
import type { Caller } from '../auth/caller.js';
import type { AuditActor } from './audit-actor.js';
import type { ReportsContext } from './context.js';

export interface PolicyOutcome {
  policy: 'started' | 'noAction' | 'unavailable' | 'failed';
  retraction: { retractionId: string } | null;
}

export async function runVerdictPolicy(
  ctx: ReportsContext,
  event: { tenantId: string; campaignId: string; internetMessageId: string; disposition: Disposition },
  caller: Caller,
  actor: AuditActor,
): Promise<PolicyOutcome> {
  const policy = ctx.verdictPolicy();
  if (!policy) return { policy: 'unavailable', retraction: null };
  const target = { targetType: 'campaign', targetId: event.campaignId };
  try {
    const answer = await policy.onVerdict({ ...event, caller, callerName: actor.actorName ?? null });
    const retraction = answer ? { retractionId: String(answer.retractionId) } : null;
    await ctx.audit.record({
      ...actor,
      ...target,
      action: 'verdict.policy',
      outcome: 'success',
      details: { disposition: event.disposition, retractionId: retraction?.retractionId ?? null },
    });
    return { policy: retraction ? 'started' : 'noAction', retraction };
  } catch (error) {
    ctx.log.error({ err: error, campaignId: event.campaignId }, 'auto-retraction policy failed');
    await ctx.audit.record({
      ...actor,
      ...target,
      action: 'verdict.policy',
      outcome: 'failure',
      details: {
        disposition: event.disposition,
        error: error instanceof Error ? error.message : String(error),
      },
    });
    return { policy: 'failed', retraction: null };
  }
}
