// Collection: data sources (who is monitored, with the seed's settings), their batches (one
// received-time window each), per-mailbox progress inside a batch, quick-discovery state per folder,
// and the collected items themselves (metadata, plain-text body, attachment hashes; MIME is fetched
// from Graph at export time).
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface CollectionSettingsColumn {
  collectDrafts: boolean;
  monitoredIndividualsPerJob: number;
  useQuickDiscovery: boolean;
  frequencyMinutes: number;
  mergeBatchesDuringColdStart: boolean;
  maxBatchesToMerge: number;
  collectionPeriodOffsetMinutes: number;
}

export interface MonitoredColumn {
  users: string[];
  groups: string[];
  domains: string[];
}

export interface BatchRetry {
  attempt: number;
  scheduledFor: string;
  failed: number;
}

export interface BatchError {
  mailbox: string | null;
  error: string;
}

/** What a mailbox finished inside a batch, so a crashed job resumes where it stopped. */
export interface MailboxProgress {
  /** Folder ids whose window was fully stored. */
  folders: string[];
  calendar: boolean;
}

export interface StoredAttachment {
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  /** SHA-256 of a file attachment's bytes; null for item and reference attachments. */
  sha256: string | null;
}

export interface StoredEvent {
  iCalUId: string;
  start: string;
  end: string;
  isAllDay: boolean;
  isCancelled: boolean;
  location: string | null;
  organizer: string | null;
  attendees: string[];
}

export const collections = pgTable(
  'collections',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<'mailAndCalendar' | 'mail'>().notNull(),
    monitored: jsonb('monitored').$type<MonitoredColumn>().notNull(),
    settings: jsonb('settings').$type<CollectionSettingsColumn>().notNull(),
    enabled: boolean('enabled').notNull(),
    collectFrom: at('collect_from').notNull(),
    /** Start of the next period to collect: the end of the last batch started. */
    nextWindowStart: at('next_window_start').notNull(),
    batchCount: integer('batch_count').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [index('collections_tenant_idx').on(table.tenantId, table.createdAt)],
);

export const collectionBatches = pgTable(
  'collection_batches',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    windowStart: at('window_start').notNull(),
    windowEnd: at('window_end').notNull(),
    windows: integer('windows').notNull(),
    coldStart: boolean('cold_start').notNull(),
    trigger: text('trigger').$type<'schedule' | 'manual'>().notNull(),
    status: text('status').notNull(),
    attempt: integer('attempt').notNull().default(0),
    retries: jsonb('retries').$type<BatchRetry[]>().notNull().default([]),
    nextRetryAt: at('next_retry_at'),
    jobs: integer('jobs').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    errors: jsonb('errors').$type<BatchError[]>().notNull().default([]),
    requestedBy: text('requested_by'),
    createdAt: at('created_at').notNull(),
    completedAt: at('completed_at'),
  },
  (table) => [
    // One batch per period: a schedule tick and a manual run never collect the same window twice.
    uniqueIndex('collection_batches_window_idx').on(table.collectionId, table.windowStart),
    index('collection_batches_list_idx').on(table.tenantId, table.collectionId, table.seq),
  ],
);

export const collectionBatchMailboxes = pgTable(
  'collection_batch_mailboxes',
  {
    tenantId: uuid('tenant_id').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => collectionBatches.id, { onDelete: 'cascade' }),
    /** The mailbox owner's object id. */
    mailboxId: text('mailbox_id').notNull(),
    upn: text('upn').notNull(),
    job: integer('job').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    progress: jsonb('progress').$type<MailboxProgress>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    messages: integer('messages').notNull().default(0),
    events: integer('events').notNull().default(0),
    attachments: integer('attachments').notNull().default(0),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.batchId, table.mailboxId] }),
    index('collection_batch_mailboxes_job_idx').on(table.batchId, table.job, table.status),
  ],
);

/** Quick discovery: a delta link per folder and the newest received time seen in it. */
export const collectionFolderState = pgTable(
  'collection_folder_state',
  {
    tenantId: uuid('tenant_id').notNull(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    mailboxId: text('mailbox_id').notNull(),
    folderId: text('folder_id').notNull(),
    deltaLink: text('delta_link'),
    maxReceivedAt: at('max_received_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.collectionId, table.mailboxId, table.folderId] })],
);

export const collectionItems = pgTable(
  'collection_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    mailboxId: text('mailbox_id').notNull(),
    /** Graph immutable id: the same item seen again (a resumed job, a later window) is one row. */
    itemId: text('item_id').notNull(),
    kind: text('kind').$type<'message' | 'event'>().notNull(),
    /** The batch that first collected the item. */
    batchId: uuid('batch_id').notNull(),
    mailboxUpn: text('mailbox_upn').notNull(),
    internetMessageId: text('internet_message_id'),
    subject: text('subject'),
    sender: text('sender'),
    toRecipients: text('to_recipients').array().notNull(),
    ccRecipients: text('cc_recipients').array().notNull(),
    bccRecipients: text('bcc_recipients').array().notNull(),
    /** Received time for messages, start time for events. */
    receivedAt: at('received_at').notNull(),
    sentAt: at('sent_at'),
    folder: text('folder'),
    folderId: text('folder_id'),
    isDraft: boolean('is_draft').notNull().default(false),
    meetingMessageType: text('meeting_message_type'),
    bodyText: text('body_text').notNull(),
    attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull(),
    event: jsonb('event').$type<StoredEvent>(),
    collectedAt: at('collected_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.collectionId, table.mailboxId, table.itemId] }),
    index('collection_items_batch_idx').on(table.collectionId, table.batchId, table.mailboxId, table.itemId),
    index('collection_items_received_idx').on(
      table.collectionId,
      table.receivedAt,
      table.mailboxId,
      table.itemId,
    ),
  ],
);
