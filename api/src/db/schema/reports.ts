// Reports, the campaigns they group into, triage notes and the tenant's user-reported settings.
// A report is one person's report of their own copy; its evidence (the message as EML) sits in a
// table of its own so lists never read the bytes.
import { sql } from 'drizzle-orm';
import {
  customType,
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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const campaigns = pgTable(
  'campaigns',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** The internetMessageId of the first report; others are in campaign_keys. */
    internetMessageId: text('internet_message_id').notNull(),
    subject: text('subject'),
    sender: text('sender'),
    firstSeen: at('first_seen').notNull(),
    lastSeen: at('last_seen').notNull(),
    reportCount: integer('report_count').notNull(),
    reporterCount: integer('reporter_count').notNull(),
    estimatedRecipients: integer('estimated_recipients').notNull(),
    status: text('status').notNull(),
    assignee: text('assignee'),
    disposition: text('disposition'),
    verdictAt: at('verdict_at'),
    verdictBy: text('verdict_by'),
    /** 'analyst' or 'threshold'. */
    verdictSource: text('verdict_source'),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('campaigns_last_seen_idx').on(table.tenantId, table.lastSeen, table.id),
    index('campaigns_reporters_idx').on(table.tenantId, table.reporterCount, table.id),
  ],
);

/** How reports find their campaign: by internetMessageId ('imid') or canonical fingerprint ('fp'). */
export const campaignKeys = pgTable(
  'campaign_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    campaignId: uuid('campaign_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.kind, table.value] }),
    index('campaign_keys_campaign_idx').on(table.tenantId, table.campaignId),
  ],
);

export const reports = pgTable(
  'reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    reporterId: uuid('reporter_id').notNull(),
    reporterUpn: text('reporter_upn'),
    /** Where notifications to the reporter go (primary SMTP address, else UPN). */
    reporterAddress: text('reporter_address'),
    /** Graph immutable id of the reporter's copy. */
    messageId: text('message_id').notNull(),
    internetMessageId: text('internet_message_id').notNull(),
    category: text('category').notNull(),
    comment: text('comment'),
    options: text('options').array().notNull(),
    subject: text('subject'),
    sender: text('sender'),
    receivedAt: at('received_at'),
    enrichment: jsonb('enrichment').$type<Record<string, unknown>>().notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: text('status').notNull(),
    assignee: text('assignee'),
    disposition: text('disposition'),
    verdictAt: at('verdict_at'),
    verdictBy: text('verdict_by'),
    reportedAt: at('reported_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    forwardedAt: at('forwarded_at'),
    reporterCopyMovedAt: at('reporter_copy_moved_at'),
    receiptNotifiedAt: at('receipt_notified_at'),
    outcomeNotifiedAt: at('outcome_notified_at'),
    /** The disposition the last outcome notification told the reporter. */
    outcomeNotified: text('outcome_notified'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    // One report per person per message: a repeat click finds this row.
    uniqueIndex('reports_reporter_message_idx').on(table.tenantId, table.reporterId, table.internetMessageId),
    index('reports_reported_at_idx').on(table.tenantId, table.reportedAt, table.id),
    index('reports_campaign_idx').on(table.tenantId, table.campaignId),
    index('reports_reporter_idx').on(table.tenantId, table.reporterId, table.reportedAt),
  ],
);

export const reportEvidence = pgTable(
  'report_evidence',
  {
    tenantId: uuid('tenant_id').notNull(),
    reportId: uuid('report_id').notNull(),
    /** 'client' (Outlook's EML, checked against the mailbox) or 'graph' (the copy's $value). */
    source: text('source').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    eml: bytea('eml').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.reportId] })],
);

export const triageNotes = pgTable(
  'triage_notes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** 'report' or 'campaign'. */
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    authorId: text('author_id'),
    authorName: text('author_name'),
    text: text('text').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('triage_notes_target_idx').on(table.tenantId, table.targetType, table.targetId, table.createdAt),
  ],
);

export const userReportedSettings = pgTable('user_reported_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: at('updated_at')
    .notNull()
    .default(sql`now()`),
  updatedBy: text('updated_by'),
});
