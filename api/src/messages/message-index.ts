// Reads and writes of the message index. Upserts are idempotent per (mailbox, immutable id), so a
// copy seen again by another source updates in place.
import { and, desc, eq, gte, ilike, lte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { messageCopies } from '../db/schema/index.js';

export type MessageCopy = typeof messageCopies.$inferSelect;
export type MessageCopyInput = Omit<MessageCopy, 'updatedAt' | 'removedAt'> & { removedAt?: Date | null };

export interface MessageSearch {
  internetMessageId?: string;
  sender?: string;
  subject?: string;
  receivedAfter?: Date;
  receivedBefore?: Date;
  /** Keyset cursor: rows received before this instant (then by id). */
  before?: { receivedAt: Date; messageId: string };
}

const UPSERT_CHUNK = 500;

export function createMessageIndex(db: Database) {
  return {
    async upsert(copies: MessageCopyInput[], tx?: Executor): Promise<void> {
      const executor = tx ?? db;
      const now = new Date();
      for (let i = 0; i < copies.length; i += UPSERT_CHUNK) {
        const rows = copies
          .slice(i, i + UPSERT_CHUNK)
          .map((copy) => ({ ...copy, removedAt: copy.removedAt ?? null, updatedAt: now }));
        await executor
          .insert(messageCopies)
          .values(rows)
          .onConflictDoUpdate({
            target: [messageCopies.tenantId, messageCopies.mailboxId, messageCopies.messageId],
            set: {
              folder: sql`excluded.folder`,
              folderId: sql`excluded.folder_id`,
              isRead: sql`excluded.is_read`,
              removedAt: sql`excluded.removed_at`,
              source: sql`excluded.source`,
              updatedAt: sql`excluded.updated_at`,
            },
          });
      }
    },

    /** Every known copy of a message, including ones already removed. */
    async copiesOf(tenantId: string, internetMessageId: string): Promise<MessageCopy[]> {
      return db
        .select()
        .from(messageCopies)
        .where(
          and(eq(messageCopies.tenantId, tenantId), eq(messageCopies.internetMessageId, internetMessageId)),
        );
    },

    async markRemoved(tenantId: string, mailboxId: string, messageId: string, tx?: Executor): Promise<void> {
      await (tx ?? db)
        .update(messageCopies)
        .set({ removedAt: new Date(), updatedAt: new Date() })
        .where(
          and(
            eq(messageCopies.tenantId, tenantId),
            eq(messageCopies.mailboxId, mailboxId),
            eq(messageCopies.messageId, messageId),
          ),
        );
    },

    /** Search newest first; exact on internetMessageId and sender, substring on subject. */
    async search(tenantId: string, query: MessageSearch, limit: number): Promise<MessageCopy[]> {
      const conditions: SQL[] = [eq(messageCopies.tenantId, tenantId)];
      if (query.internetMessageId)
        conditions.push(eq(messageCopies.internetMessageId, query.internetMessageId));
      if (query.sender) conditions.push(eq(messageCopies.sender, query.sender.toLowerCase()));
      if (query.subject) conditions.push(ilike(messageCopies.subject, `%${escapeLike(query.subject)}%`));
      if (query.receivedAfter) conditions.push(gte(messageCopies.receivedAt, query.receivedAfter));
      if (query.receivedBefore) conditions.push(lte(messageCopies.receivedAt, query.receivedBefore));
      if (query.before)
        conditions.push(
          or(
            lt(messageCopies.receivedAt, query.before.receivedAt),
            and(
              eq(messageCopies.receivedAt, query.before.receivedAt),
              lt(messageCopies.messageId, query.before.messageId),
            ),
          )!,
        );
      return db
        .select()
        .from(messageCopies)
        .where(and(...conditions))
        .orderBy(desc(messageCopies.receivedAt), desc(messageCopies.messageId))
        .limit(limit);
    },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type MessageIndex = ReturnType<typeof createMessageIndex>;
