// Storage of collected items and of quick-discovery state. Items are keyed by (collection, mailbox,
// immutable id): storing an item twice (a resumed job, an event spanning two windows) keeps one row
// and the batch that first collected it.
import { and, asc, eq, gt, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { collectionFolderState, collectionItems } from '../db/schema/index.js';
import type { NewItem } from './items.js';

export type ItemRow = typeof collectionItems.$inferSelect;
export type FolderStateRow = typeof collectionFolderState.$inferSelect;

const CHUNK = 250;

export interface ItemScope {
  tenantId: string;
  collectionId: string;
  batchId?: string;
  from?: Date;
  to?: Date;
  mailboxId?: string;
  kind?: 'message' | 'event';
}

/** Keyset position for exports: batch exports walk (mailbox, item), range exports (received, mailbox, item). */
export interface ItemPosition {
  receivedAt: Date;
  mailboxId: string;
  itemId: string;
}

export function createItemRepository(db: Database) {
  return {
    async upsert(items: NewItem[], tx?: Executor): Promise<void> {
      for (let i = 0; i < items.length; i += CHUNK)
        await (tx ?? db)
          .insert(collectionItems)
          .values(items.slice(i, i + CHUNK))
          .onConflictDoUpdate({
            target: [collectionItems.collectionId, collectionItems.mailboxId, collectionItems.itemId],
            // Where the item is now; what it was and who first collected it stay.
            set: { folder: sql`excluded.folder`, folderId: sql`excluded.folder_id` },
          });
    },

    /** Items, messages and attachments one batch collected in one mailbox. */
    async countsFor(collectionId: string, batchId: string, mailboxId: string) {
      const [row] = await db
        .select({
          messages: sql<number>`count(*) filter (where ${collectionItems.kind} = 'message')`.mapWith(Number),
          events: sql<number>`count(*) filter (where ${collectionItems.kind} = 'event')`.mapWith(Number),
          attachments:
            sql<number>`coalesce(sum(jsonb_array_length(${collectionItems.attachments})), 0)`.mapWith(Number),
        })
        .from(collectionItems)
        .where(
          and(
            eq(collectionItems.collectionId, collectionId),
            eq(collectionItems.batchId, batchId),
            eq(collectionItems.mailboxId, mailboxId),
          ),
        );
      return row ?? { messages: 0, events: 0, attachments: 0 };
    },

    /** One page of an export, in a stable order, after `after`. */
    async page(scope: ItemScope, after: ItemPosition | null, limit: number): Promise<ItemRow[]> {
      const conditions: SQL[] = [
        eq(collectionItems.tenantId, scope.tenantId),
        eq(collectionItems.collectionId, scope.collectionId),
      ];
      if (scope.batchId) conditions.push(eq(collectionItems.batchId, scope.batchId));
      if (scope.from) conditions.push(gte(collectionItems.receivedAt, scope.from));
      if (scope.to) conditions.push(lt(collectionItems.receivedAt, scope.to));
      if (scope.mailboxId) conditions.push(eq(collectionItems.mailboxId, scope.mailboxId));
      if (scope.kind) conditions.push(eq(collectionItems.kind, scope.kind));
      const byBatch = !!scope.batchId;
      if (after) conditions.push(byBatch ? afterInBatch(after) : afterInRange(after));
      const order = byBatch
        ? [asc(collectionItems.mailboxId), asc(collectionItems.itemId)]
        : [asc(collectionItems.receivedAt), asc(collectionItems.mailboxId), asc(collectionItems.itemId)];
      return db
        .select()
        .from(collectionItems)
        .where(and(...conditions))
        .orderBy(...order)
        .limit(limit);
    },

    async folderStates(collectionId: string, mailboxId: string): Promise<Map<string, FolderStateRow>> {
      const rows = await db
        .select()
        .from(collectionFolderState)
        .where(
          and(
            eq(collectionFolderState.collectionId, collectionId),
            eq(collectionFolderState.mailboxId, mailboxId),
          ),
        );
      return new Map(rows.map((row) => [row.folderId, row]));
    },

    /** Saves a finished delta round; the newest received time only ever moves forward. */
    async saveFolderState(row: Omit<FolderStateRow, 'updatedAt'>): Promise<void> {
      await db
        .insert(collectionFolderState)
        .values({ ...row, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: [
            collectionFolderState.collectionId,
            collectionFolderState.mailboxId,
            collectionFolderState.folderId,
          ],
          set: {
            deltaLink: sql`excluded.delta_link`,
            maxReceivedAt: sql`greatest(${collectionFolderState.maxReceivedAt}, excluded.max_received_at)`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    },

    async clearFolderState(collectionId: string, mailboxId: string, folderId: string): Promise<void> {
      await db
        .delete(collectionFolderState)
        .where(
          and(
            eq(collectionFolderState.collectionId, collectionId),
            eq(collectionFolderState.mailboxId, mailboxId),
            eq(collectionFolderState.folderId, folderId),
          ),
        );
    },
  };
}

function afterInBatch(after: ItemPosition): SQL {
  return or(
    gt(collectionItems.mailboxId, after.mailboxId),
    and(eq(collectionItems.mailboxId, after.mailboxId), gt(collectionItems.itemId, after.itemId)),
  )!;
}

function afterInRange(after: ItemPosition): SQL {
  return or(
    gt(collectionItems.receivedAt, after.receivedAt),
    and(eq(collectionItems.receivedAt, after.receivedAt), afterInBatch(after)),
  )!;
}

export type ItemRepository = ReturnType<typeof createItemRepository>;
