// Where each resource's sync stands: its delta link, the next link of the last committed page (so
// a crashed round resumes there), the round number, counters and the last error. A page and the
// state that follows it are written in one transaction.
import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { directorySyncState, type SyncResource } from '../db/schema/index.js';

export type SyncStateRow = typeof directorySyncState.$inferSelect;
export type SyncStatePatch = Partial<Omit<SyncStateRow, 'tenantId' | 'resource'>>;

export function emptyState(tenantId: string, resource: SyncResource): SyncStateRow {
  return {
    tenantId,
    resource,
    status: 'idle',
    mode: null,
    deltaLink: null,
    nextLink: null,
    round: 0,
    processed: 0,
    pages: 0,
    expected: null,
    ratePerSecond: null,
    startedAt: null,
    finishedAt: null,
    lastSuccessAt: null,
    lastError: null,
    lastErrorAt: null,
    details: {},
  };
}

export function createSyncStateRepository(db: Database) {
  const s = directorySyncState;
  return {
    async get(tenantId: string, resource: SyncResource, tx?: Executor): Promise<SyncStateRow> {
      const [row] = await (tx ?? db)
        .select()
        .from(s)
        .where(and(eq(s.tenantId, tenantId), eq(s.resource, resource)));
      return row ?? emptyState(tenantId, resource);
    },

    async all(tenantId: string): Promise<SyncStateRow[]> {
      return db.select().from(s).where(eq(s.tenantId, tenantId));
    },

    async save(
      tenantId: string,
      resource: SyncResource,
      patch: SyncStatePatch,
      tx?: Executor,
    ): Promise<void> {
      const executor = tx ?? db;
      await executor
        .insert(s)
        .values({ ...emptyState(tenantId, resource), ...patch })
        .onConflictDoUpdate({ target: [s.tenantId, s.resource], set: patch });
    },
  };
}

export type SyncStateRepository = ReturnType<typeof createSyncStateRepository>;
