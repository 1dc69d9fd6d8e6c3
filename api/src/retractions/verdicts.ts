// A verdict on a report or campaign runs the tenant's auto-retraction policy: the disposition's
// configured action (if any) becomes a retraction requested by whoever set the verdict, with the
// policy's approval rules applied as to any other.
import type { Disposition } from '@clawback/shared';
import type { Caller } from '../auth/caller.js';
import type { PolicyService } from '../policies/policy-service.js';
import type { RetractionService } from './service.js';

export interface VerdictEvent {
  tenantId: string;
  campaignId: string | null;
  internetMessageId: string;
  disposition: Disposition;
  caller: Caller;
  callerName?: string | null;
}

export interface VerdictListener {
  onVerdict(event: VerdictEvent): Promise<{ retractionId: string; status: string } | null>;
}

export function createVerdictListener(
  policies: PolicyService,
  retractions: RetractionService,
): VerdictListener {
  return {
    async onVerdict(event) {
      if (event.disposition === 'CLEAN') return null;
      const policy = await policies.policy(event.tenantId);
      const action = policy.actions[event.disposition];
      if (!action) return null;
      const { row } = await retractions.create({
        tenantId: event.tenantId,
        caller: event.caller,
        callerName:
          event.callerName ?? (event.caller.kind === 'user' ? event.caller.upn : event.caller.appId),
        internetMessageId: event.internetMessageId,
        action,
        dryRun: false,
        reason: `auto-retraction: verdict ${event.disposition}`,
        source: 'policy',
        ...(event.campaignId ? {} : {}),
      });
      return { retractionId: row.id, status: row.status };
    },
  };
}
