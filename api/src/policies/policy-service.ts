// Reading and changing the auto-retraction policy. When the tenant asks for it, a change waits for
// a second admin (not the one who proposed it) before it applies.
import { DEFAULT_AUTO_RETRACTION_POLICY, type AutoRetractionPolicy } from '@clawback/shared';
import { problems } from '../http/problem.js';
import { withNotice } from './notice-settings.js';
import type { PolicyRepository, StoredPolicy } from './policy-repository.js';

export function createPolicyService(repository: PolicyRepository) {
  async function current(tenantId: string): Promise<StoredPolicy> {
    const stored = (await repository.get(tenantId)) ?? {
      policy: DEFAULT_AUTO_RETRACTION_POLICY,
      updatedBy: null,
      updatedAt: null,
      pending: null,
    };
    // Policies kept before the notice setting existed read as if saved with it.
    return {
      ...stored,
      policy: withNotice(stored.policy, null),
      pending: stored.pending && { ...stored.pending, policy: withNotice(stored.pending.policy, null) },
    };
  }

  return {
    current,
    async policy(tenantId: string): Promise<AutoRetractionPolicy> {
      return (await current(tenantId)).policy;
    },

    /** Applies the change, or parks it for approval; says which. */
    async propose(
      tenantId: string,
      proposed: AutoRetractionPolicy,
      by: string,
    ): Promise<{ applied: boolean; stored: StoredPolicy }> {
      const existing = await current(tenantId);
      const policy = withNotice(proposed, existing.policy);
      // Turning approval on applies at once; everything else waits while approval is on.
      const needsApproval = existing.policy.requireApprovalForPolicyChanges;
      if (needsApproval) {
        await repository.save(tenantId, {
          policy: existing.policy,
          updatedBy: existing.updatedBy,
          pending: { policy, requestedBy: by, requestedAt: new Date().toISOString() },
        });
      } else {
        await repository.save(tenantId, { policy, updatedBy: by, pending: null });
      }
      return { applied: !needsApproval, stored: await current(tenantId) };
    },

    async approvePending(tenantId: string, by: string): Promise<StoredPolicy> {
      const existing = await current(tenantId);
      if (!existing.pending) throw problems.conflict('no policy change is waiting for approval');
      if (existing.pending.requestedBy === by)
        throw problems.forbidden('a policy change must be approved by a second administrator');
      await repository.save(tenantId, {
        policy: existing.pending.policy,
        updatedBy: `${existing.pending.requestedBy} (approved by ${by})`,
        pending: null,
      });
      return current(tenantId);
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
