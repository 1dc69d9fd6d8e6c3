// Retractions: one row per request, one durable state machine per mailbox, evidence kept before a
// hard delete, and the tenant's auto-retraction policy.
import { sql } from 'drizzle-orm';
import {
  boolean,
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

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export interface RetractionScope {
  mailboxes?: string[];
  allPublished?: boolean;
  includeSenderCopy?: boolean;
  includeCalendarEvents?: boolean;
}

export interface PlanTotals {
  mailboxes: number;
  withCopies: number;
  copies: number;
  read: number;
  unread: number;
  byFolder: Record<string, number>;
  skipped: number;
  notes: string[];
  /** Calendar events of a meeting request, when the retraction includes them. */
  events?: { copies: number; mailboxes: number; handling: 'delete' | 'permanentDelete' | 'leave' };
}

export const retractions = pgTable(
  'retractions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').$type<'retract' | 'undo'>().notNull(),
    undoOf: uuid('undo_of'),
    internetMessageId: text('internet_message_id').notNull(),
    subject: text('subject'),
    sender: text('sender'),
    campaignId: uuid('campaign_id'),
    action: text('action').notNull(),
    status: text('status').notNull(),
    dryRun: boolean('dry_run').notNull(),
    reason: text('reason'),
    source: text('source').$type<'manual' | 'policy' | 'addin'>().notNull(),
    scope: jsonb('scope').$type<RetractionScope>().notNull(),
    /** The message's header recipients, kept so an interrupted plan can be started again. */
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name'),
    requesterKind: text('requester_kind').$type<'user' | 'app'>().notNull(),
    approvalRequired: boolean('approval_required').notNull().default(false),
    approvalReasons: jsonb('approval_reasons').$type<string[]>().notNull().default([]),
    approvedBy: text('approved_by'),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvalExpiresAt: timestamp('approval_expires_at', { withTimezone: true, mode: 'date' }),
    plan: jsonb('plan').$type<PlanTotals>(),
    idempotencyKey: text('idempotency_key'),
    armedUntil: timestamp('armed_until', { withTimezone: true, mode: 'date' }),
    rescans: integer('rescans').notNull().default(0),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('retractions_idempotency_idx').on(table.tenantId, table.idempotencyKey),
    // One live retraction per message: a second request joins the first instead of acting twice.
    uniqueIndex('retractions_active_message_idx')
      .on(table.tenantId, table.internetMessageId, table.kind)
      .where(sql`status in ('planning', 'awaitingApproval', 'running') and not dry_run`),
    index('retractions_created_idx').on(table.tenantId, table.createdAt),
  ],
);

export interface CopyState {
  /** Immutable id of the copy. */
  id: string;
  folderId: string | null;
  folder: string | null;
  isRead: boolean | null;
  receivedAt: string | null;
  /** Result of the action on this copy. */
  outcome?: 'done' | 'notFound' | 'alreadyInTarget' | 'failed';
  /** The folder the action put it in (for undo), or null after a permanent delete. */
  resultFolderId?: string | null;
  error?: string;
}

/** One calendar's copy of a meeting-request event, and what the retraction did to it. */
export interface EventCopyState {
  id: string;
  subject: string | null;
  outcome?: 'done' | 'notFound' | 'failed';
  error?: string;
}

export const retractionMailboxes = pgTable(
  'retraction_mailboxes',
  {
    retractionId: uuid('retraction_id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    mailboxId: text('mailbox_id').notNull(),
    mailboxUpn: text('mailbox_upn').notNull(),
    state: text('state').notNull(),
    reason: text('reason'),
    copies: jsonb('copies').$type<CopyState[]>().notNull().default([]),
    /** Calendar events of a meeting request (scope.includeCalendarEvents). */
    events: jsonb('events').$type<EventCopyState[]>().notNull().default([]),
    targetFolderId: text('target_folder_id'),
    attempts: integer('attempts').notNull().default(0),
    /** Which rescan found it (0 = the first search). */
    foundInRound: integer('found_in_round').notNull().default(0),
    /**
     * The retraction notice to this mailbox: started (a send in flight, or one whose outcome is
     * unknown) and sent. A notice started but not sent is looked for before it is sent again.
     */
    noticeStartedAt: timestamp('notice_started_at', { withTimezone: true, mode: 'date' }),
    notifiedAt: timestamp('notified_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.retractionId, table.mailboxId] }),
    index('retraction_mailboxes_state_idx').on(table.retractionId, table.state),
  ],
);

export const retractionEvidence = pgTable('retraction_evidence', {
  retractionId: uuid('retraction_id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  mailboxId: text('mailbox_id').notNull(),
  messageId: text('message_id').notNull(),
  mime: bytea('mime').notNull(),
  sha256: text('sha256').notNull(),
  capturedAt: timestamp('captured_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const autoRetractionPolicies = pgTable('auto_retraction_policies', {
  tenantId: uuid('tenant_id').primaryKey(),
  policy: jsonb('policy').$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** A change waiting for a second admin, when the tenant requires that. */
  pending: jsonb('pending').$type<{
    policy: Record<string, unknown>;
    requestedBy: string;
    requestedAt: string;
  } | null>(),
});
