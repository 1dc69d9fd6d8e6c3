// The message index: one row per copy of a message in a mailbox. Reports, collection and
// retraction searches fill it; search and retraction read it before asking Graph.
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const messageCopies = pgTable(
  'message_copies',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** Mailbox owner's object id. */
    mailboxId: uuid('mailbox_id').notNull(),
    mailboxUpn: text('mailbox_upn').notNull(),
    /** Graph immutable id of the copy (stable across moves inside the mailbox). */
    messageId: text('message_id').notNull(),
    internetMessageId: text('internet_message_id').notNull(),
    sender: text('sender'),
    recipients: text('recipients').array().notNull(),
    subject: text('subject'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    /** Well-known folder name where known (inbox, junkemail...), else the folder's display name. */
    folder: text('folder'),
    folderId: text('folder_id'),
    isRead: boolean('is_read'),
    /** Who last saw it: report, collection or retraction. */
    source: text('source').notNull(),
    /** Set when the copy is known to be gone (hard deleted). */
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.mailboxId, table.messageId] }),
    index('message_copies_imid_idx').on(table.tenantId, table.internetMessageId),
    index('message_copies_sender_idx').on(table.tenantId, table.sender, table.receivedAt),
    index('message_copies_received_idx').on(table.tenantId, table.receivedAt),
  ],
);
