// Who holds which directory role, as of the last sync: replaced wholesale each run (the tenant has
// a few dozen activated roles at most).
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { directoryRoleHolders } from '../db/schema/index.js';

export type RoleHolderRow = Omit<typeof directoryRoleHolders.$inferInsert, 'tenantId'>;

export function createRoleRepository(db: Database) {
  const r = directoryRoleHolders;
  return {
    async replaceAll(tenantId: string, holders: RoleHolderRow[], tx: Executor): Promise<void> {
      await tx.delete(r).where(eq(r.tenantId, tenantId));
      if (holders.length) await tx.insert(r).values(holders.map((holder) => ({ ...holder, tenantId })));
    },

    async holdersOf(tenantId: string, roleTemplateId: string) {
      return db
        .select()
        .from(r)
        .where(and(eq(r.tenantId, tenantId), eq(r.roleTemplateId, roleTemplateId)));
    },

    async count(tenantId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(r)
        .where(eq(r.tenantId, tenantId));
      return row?.n ?? 0;
    },
  };
}

export type RoleRepository = ReturnType<typeof createRoleRepository>;
