// Admin-consent records per function, and the pending consent round trips. A state is stored only
// as its hash, used once (the update that consumes it also checks expiry), then kept for the record.
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { directoryAuthorizations, directoryConsentStates, type AppFunctionName } from '../db/schema/index.js';

export type AuthorizationRow = typeof directoryAuthorizations.$inferSelect;
export type ConsentStateRow = typeof directoryConsentStates.$inferSelect;

export function createAuthorizationRepository(db: Database) {
  const a = directoryAuthorizations;
  const c = directoryConsentStates;
  return {
    async all(tenantId: string): Promise<AuthorizationRow[]> {
      return db.select().from(a).where(eq(a.tenantId, tenantId));
    },

    async save(
      tenantId: string,
      fn: AppFunctionName,
      patch: Omit<Partial<AuthorizationRow>, 'tenantId' | 'function'> & { clientId: string },
    ): Promise<void> {
      const row = { ...patch, updatedAt: new Date() };
      await db
        .insert(a)
        .values({ tenantId, function: fn, ...row })
        .onConflictDoUpdate({ target: [a.tenantId, a.function], set: row });
    },

    async createState(row: Omit<ConsentStateRow, 'usedAt'>): Promise<void> {
      // Expired round trips are of no use to anyone: clear them as new ones start.
      await db.delete(c).where(lt(c.expiresAt, new Date(Date.now() - 24 * 3600_000)));
      await db.insert(c).values(row);
    },

    /** Marks the state used and answers it, or null when unknown, expired or already used. */
    async consumeState(stateHash: string): Promise<ConsentStateRow | null> {
      const now = new Date();
      const [row] = await db
        .update(c)
        .set({ usedAt: now })
        .where(and(eq(c.stateHash, stateHash), isNull(c.usedAt), gt(c.expiresAt, now)))
        .returning();
      return row ?? null;
    },
  };
}

export type AuthorizationRepository = ReturnType<typeof createAuthorizationRepository>;
