// The tenant's auto-retraction policy, with an optional change waiting for a second admin.
import { eq } from 'drizzle-orm';
import type { AutoRetractionPolicy } from '@clawback/shared';
import type { Database } from '../db/client.js';
import { autoRetractionPolicies } from '../db/schema/index.js';

export interface StoredPolicy {
  policy: AutoRetractionPolicy;
  updatedBy: string | null;
  updatedAt: Date | null;
  pending: { policy: AutoRetractionPolicy; requestedBy: string; requestedAt: string } | null;
}

export function createPolicyRepository(db: Database) {
  return {
    async get(tenantId: string): Promise<StoredPolicy | null> {
      const [row] = await db
        .select()
        .from(autoRetractionPolicies)
        .where(eq(autoRetractionPolicies.tenantId, tenantId));
      if (!row) return null;
      return {
        policy: row.policy as unknown as AutoRetractionPolicy,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
        pending: row.pending as StoredPolicy['pending'],
      };
    },

    async save(
      tenantId: string,
      value: { policy: AutoRetractionPolicy; updatedBy: string | null; pending: StoredPolicy['pending'] },
    ): Promise<void> {
      const row = {
        tenantId,
        policy: value.policy as unknown as Record<string, unknown>,
        updatedBy: value.updatedBy,
        updatedAt: new Date(),
        pending: value.pending as never,
      };
      await db
        .insert(autoRetractionPolicies)
        .values(row)
        .onConflictDoUpdate({ target: autoRetractionPolicies.tenantId, set: row });
    },
  };
}

export type PolicyRepository = ReturnType<typeof createPolicyRepository>;
