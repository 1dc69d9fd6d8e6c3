// Storage of data sources, their batches and each batch's mailboxes. Batch transitions are
// conditional updates (WHERE status = ... AND attempt = ...), so two jobs finishing at once, or a
// retry racing a late job, never move a batch twice.
import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { collectionBatches, collectionBatchMailboxes, collections } from '../db/schema/index.js';

export type CollectionRow = typeof collections.$inferSelect;
export type NewCollection = typeof collections.$inferInsert;
export type BatchRow = typeof collectionBatches.$inferSelect;
export type NewBatch = typeof collectionBatches.$inferInsert;
export type BatchMailboxRow = typeof collectionBatchMailboxes.$inferSelect;
export type NewBatchMailbox = Omit<typeof collectionBatchMailboxes.$inferInsert, 'updatedAt'>;

export const PROBLEM_STATUSES = ['inactive', 'outOfScope', 'notFound', 'failed'] as const;
const CHUNK = 500;

export function createCollectionRepository(db: Database) {
  return {
    async insert(row: NewCollection): Promise<CollectionRow> {
      const [inserted] = await db.insert(collections).values(row).returning();
      return inserted!;
    },

    async get(tenantId: string, id: string): Promise<CollectionRow | null> {
      const [row] = await db
        .select()
        .from(collections)
        .where(and(eq(collections.tenantId, tenantId), eq(collections.id, id)));
      return row ?? null;
    },

    async byId(id: string): Promise<CollectionRow | null> {
      const [row] = await db.select().from(collections).where(eq(collections.id, id));
      return row ?? null;
    },

    /** Newest first; `before` is the createdAt/id of the last row of the previous page. */
    async list(tenantId: string, before: { createdAt: Date; id: string } | null, limit: number) {
      const conditions = [eq(collections.tenantId, tenantId)];
      if (before)
        conditions.push(
          sql`(${collections.createdAt}, ${collections.id}) < (${before.createdAt.toISOString()}::timestamptz, ${before.id}::uuid)`,
        );
      return db
        .select()
        .from(collections)
        .where(and(...conditions))
        .orderBy(desc(collections.createdAt), desc(collections.id))
        .limit(limit);
    },

    async update(tenantId: string, id: string, patch: Partial<NewCollection>): Promise<CollectionRow | null> {
      const [row] = await db
        .update(collections)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(collections.tenantId, tenantId), eq(collections.id, id)))
        .returning();
      return row ?? null;
    },

    async remove(tenantId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(collections)
        .where(and(eq(collections.tenantId, tenantId), eq(collections.id, id)))
        .returning({ id: collections.id });
      return rows.length > 0;
    },

    async enabled(): Promise<CollectionRow[]> {
      return db.select().from(collections).where(eq(collections.enabled, true));
    },

    /**
     * Creates the next batch and moves the data source's cursor past its window, in one
     * transaction; null when that window already has a batch (someone else started it).
     */
    async startBatch(collection: CollectionRow, batch: NewBatch): Promise<BatchRow | null> {
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(collectionBatches)
            .values({ ...batch, seq: collection.batchCount + 1 })
            .onConflictDoNothing()
            .returning();
          if (!row) return null;
          // batchCount and nextWindowStart always move together, so this also checks the seq.
          const moved = await tx
            .update(collections)
            .set({ nextWindowStart: batch.windowEnd, batchCount: collection.batchCount + 1 })
            .where(
              and(
                eq(collections.id, collection.id),
                eq(collections.nextWindowStart, collection.nextWindowStart),
              ),
            )
            .returning({ id: collections.id });
          if (moved.length === 0) throw new LostRace();
          return row;
        });
      } catch (error) {
        if (error instanceof LostRace) return null;
        throw error;
      }
    },

    async addMailboxes(rows: NewBatchMailbox[]): Promise<void> {
      const now = new Date();
      for (let i = 0; i < rows.length; i += CHUNK)
        await db
          .insert(collectionBatchMailboxes)
          .values(rows.slice(i, i + CHUNK).map((row) => ({ ...row, updatedAt: now })))
          .onConflictDoNothing();
    },

    async batch(id: string): Promise<BatchRow | null> {
      const [row] = await db.select().from(collectionBatches).where(eq(collectionBatches.id, id));
      return row ?? null;
    },

    async batchOf(tenantId: string, collectionId: string, batchId: string): Promise<BatchRow | null> {
      const [row] = await db
        .select()
        .from(collectionBatches)
        .where(
          and(
            eq(collectionBatches.tenantId, tenantId),
            eq(collectionBatches.collectionId, collectionId),
            eq(collectionBatches.id, batchId),
          ),
        );
      return row ?? null;
    },

    async batches(tenantId: string, collectionId: string, beforeSeq: number | null, limit: number) {
      const conditions = [
        eq(collectionBatches.tenantId, tenantId),
        eq(collectionBatches.collectionId, collectionId),
      ];
      if (beforeSeq !== null) conditions.push(lt(collectionBatches.seq, beforeSeq));
      return db
        .select()
        .from(collectionBatches)
        .where(and(...conditions))
        .orderBy(desc(collectionBatches.seq))
        .limit(limit);
    },

    async runningBatch(collectionId: string): Promise<BatchRow | null> {
      const [row] = await db
        .select()
        .from(collectionBatches)
        .where(and(eq(collectionBatches.collectionId, collectionId), eq(collectionBatches.status, 'running')))
        .limit(1);
      return row ?? null;
    },

    async pendingMailboxes(batchId: string, job: number): Promise<BatchMailboxRow[]> {
      return db
        .select()
        .from(collectionBatchMailboxes)
        .where(
          and(
            eq(collectionBatchMailboxes.batchId, batchId),
            eq(collectionBatchMailboxes.job, job),
            eq(collectionBatchMailboxes.status, 'pending'),
          ),
        )
        .orderBy(asc(collectionBatchMailboxes.mailboxId));
    },

    async updateMailbox(batchId: string, mailboxId: string, patch: Partial<NewBatchMailbox>): Promise<void> {
      await db
        .update(collectionBatchMailboxes)
        .set({ ...patch, updatedAt: new Date() })
        .where(
          and(
            eq(collectionBatchMailboxes.batchId, batchId),
            eq(collectionBatchMailboxes.mailboxId, mailboxId),
          ),
        );
    },

    /** Mailboxes per status, and what the batch collected. */
    async tally(batchId: string) {
      const rows = await db
        .select({
          status: collectionBatchMailboxes.status,
          mailboxes: sql<number>`count(*)`.mapWith(Number),
          messages: sql<number>`coalesce(sum(${collectionBatchMailboxes.messages}), 0)`.mapWith(Number),
          events: sql<number>`coalesce(sum(${collectionBatchMailboxes.events}), 0)`.mapWith(Number),
          attachments: sql<number>`coalesce(sum(${collectionBatchMailboxes.attachments}), 0)`.mapWith(Number),
        })
        .from(collectionBatchMailboxes)
        .where(eq(collectionBatchMailboxes.batchId, batchId))
        .groupBy(collectionBatchMailboxes.status);
      const counts: Record<string, number> = { mailboxes: 0, messages: 0, events: 0, attachments: 0 };
      for (const row of rows) {
        counts[row.status] = row.mailboxes;
        counts.mailboxes! += row.mailboxes;
        counts.messages! += row.messages;
        counts.events! += row.events;
        counts.attachments! += row.attachments;
      }
      return counts;
    },

    async mailboxes(
      batchId: string,
      filter: { statuses?: readonly string[]; afterMailboxId?: string },
      limit: number,
    ): Promise<BatchMailboxRow[]> {
      const conditions = [eq(collectionBatchMailboxes.batchId, batchId)];
      if (filter.statuses) conditions.push(inArray(collectionBatchMailboxes.status, [...filter.statuses]));
      if (filter.afterMailboxId)
        conditions.push(gt(collectionBatchMailboxes.mailboxId, filter.afterMailboxId));
      return db
        .select()
        .from(collectionBatchMailboxes)
        .where(and(...conditions))
        .orderBy(asc(collectionBatchMailboxes.mailboxId))
        .limit(limit);
    },

    /** Moves a batch out of `from` at `attempt`; false when another worker already did. */
    async transition(
      batchId: string,
      from: string,
      attempt: number,
      patch: Partial<NewBatch>,
    ): Promise<boolean> {
      const rows = await db
        .update(collectionBatches)
        .set(patch)
        .where(
          and(
            eq(collectionBatches.id, batchId),
            eq(collectionBatches.status, from),
            eq(collectionBatches.attempt, attempt),
          ),
        )
        .returning({ id: collectionBatches.id });
      return rows.length > 0;
    },

    /** Failed mailboxes back to pending for a retry; answers the jobs that have work again. */
    async reopenFailed(batchId: string): Promise<number[]> {
      const rows = await db
        .update(collectionBatchMailboxes)
        .set({ status: 'pending', reason: null, updatedAt: new Date() })
        .where(
          and(eq(collectionBatchMailboxes.batchId, batchId), eq(collectionBatchMailboxes.status, 'failed')),
        )
        .returning({ job: collectionBatchMailboxes.job });
      return [...new Set(rows.map((r) => r.job))].sort((a, b) => a - b);
    },
  };
}

class LostRace extends Error {}

export type CollectionRepository = ReturnType<typeof createCollectionRepository>;
