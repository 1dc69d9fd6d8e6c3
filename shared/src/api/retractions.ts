// Retraction API shapes (contract paths and main fields in ARCHITECTURE.md).
import { z } from 'zod';
import { DISPOSITIONS, RETRACTION_ACTIONS, RETRACTION_STATUSES } from '../domain.js';
import { cursorSchema, guidSchema, mailAddressSchema, mailTemplateSchema } from './common.js';

/** One RFC 5322 msg-id: <left@right>, printable ASCII, at most 998 characters. */
export const internetMessageIdSchema = z
  .string()
  .max(998, 'must be at most 998 characters')
  .regex(
    /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/,
    'must be one message id such as <abc@example.com>',
  );

/** A Graph REST or immutable item id. */
export const itemIdSchema = z
  .string()
  .min(10)
  .max(512)
  .regex(/^[A-Za-z0-9_=+/-]+$/, 'must be an Outlook REST item id');

export const retractionScopeSchema = z
  .object({
    mailboxes: z
      .array(
        z
          .string()
          .max(320)
          .regex(/^[^\s@]+@[^\s@]+$/, 'must be an address'),
      )
      .min(1)
      .max(10_000)
      .optional(),
    allPublished: z.boolean().optional(),
    includeSenderCopy: z.boolean().optional(),
    includeCalendarEvents: z
      .boolean()
      .optional()
      .describe(
        "When the message is a meeting request, also remove the event it put in each recipient's calendar " +
          "(found by the meeting's iCalUId, so events whose invitation was already accepted and filed are " +
          'found too). A calendar has no Junk or Deleted Items of its own, so for moveToJunk, ' +
          "moveToDeletedItems and softDelete the event is deleted (Outlook keeps it in the recipient's " +
          'Deleted Items); hardDelete deletes it permanently; moveToInbox leaves events alone. The ' +
          "organizer's own event is never touched: deleting it would cancel the meeting for everyone. Undo " +
          'does not bring deleted events back. The plan counts event copies apart from message copies.',
      ),
  })
  .strict();

export const createRetractionSchema = z
  .object({
    internetMessageId: internetMessageIdSchema.optional(),
    campaignId: guidSchema.optional(),
    itemId: itemIdSchema.optional(),
    action: z.enum(RETRACTION_ACTIONS),
    scope: retractionScopeSchema.optional(),
    dryRun: z.boolean().default(false),
    reason: z.string().max(1000).optional(),
  })
  .strict()
  .refine((body) => [body.internetMessageId, body.campaignId, body.itemId].filter(Boolean).length === 1, {
    message: 'name exactly one of internetMessageId, campaignId or itemId',
    path: ['internetMessageId'],
  });

export const MAILBOX_STATES = [
  'planned',
  'pending',
  'acting',
  'done',
  'notFound',
  'alreadyInTarget',
  'skipped',
  'failed',
] as const;
export type MailboxState = (typeof MAILBOX_STATES)[number];

/** What a retraction does to a meeting request's calendar events, by action (see includeCalendarEvents). */
export const CALENDAR_EVENT_HANDLING = ['delete', 'permanentDelete', 'leave'] as const;

export const countsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  done: z.number().int(),
  alreadyInTarget: z.number().int(),
  notFound: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});

export const planSchema = z.object({
  mailboxes: z.number().int(),
  withCopies: z.number().int(),
  copies: z.number().int(),
  read: z.number().int(),
  unread: z.number().int(),
  byFolder: z.record(z.string(), z.number().int()),
  skipped: z.number().int(),
  notes: z.array(z.string()),
  /** Calendar events of a meeting request (scope.includeCalendarEvents), counted apart from messages. */
  events: z
    .object({
      copies: z.number().int(),
      mailboxes: z.number().int(),
      handling: z.enum(CALENDAR_EVENT_HANDLING),
    })
    .optional(),
});

export const retractionSchema = z.object({
  id: z.string(),
  kind: z.enum(['retract', 'undo']),
  undoOf: z.string().nullable(),
  status: z.enum(RETRACTION_STATUSES),
  action: z.enum(RETRACTION_ACTIONS),
  internetMessageId: z.string(),
  subject: z.string().nullable(),
  sender: z.string().nullable(),
  campaignId: z.string().nullable(),
  dryRun: z.boolean(),
  reason: z.string().nullable(),
  source: z.enum(['manual', 'policy', 'addin']),
  requestedBy: z.object({ id: z.string(), name: z.string().nullable(), kind: z.enum(['user', 'app']) }),
  approval: z.object({
    required: z.boolean(),
    reasons: z.array(z.string()),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  }),
  plan: planSchema.nullable(),
  counts: countsSchema,
  /** Mailboxes finished per second since the start, and the estimated seconds left. */
  rate: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  undoable: z.boolean(),
  /** What can still recover the mail after this action. */
  recoverability: z.string(),
  armedUntil: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** True when the request joined a retraction already under way for the message. */
  existing: z.boolean().optional(),
});

export const retractionListQuerySchema = z
  .object({
    status: z.enum(RETRACTION_STATUSES).optional(),
    internetMessageId: internetMessageIdSchema.optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const retractionPageSchema = z.object({
  items: z.array(retractionSchema),
  nextCursor: z.string().nullable(),
});

export const mailboxRowSchema = z.object({
  mailbox: z.string(),
  mailboxId: z.string(),
  state: z.enum(MAILBOX_STATES),
  reason: z.string().nullable(),
  copies: z.array(
    z.object({
      id: z.string(),
      folder: z.string().nullable(),
      isRead: z.boolean().nullable(),
      receivedAt: z.string().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  /** Calendar events of a meeting request in this mailbox (scope.includeCalendarEvents). */
  events: z
    .array(z.object({ id: z.string(), subject: z.string().nullable(), outcome: z.string().nullable() }))
    .optional(),
  updatedAt: z.string(),
});

export const mailboxQuerySchema = z
  .object({
    state: z.enum(MAILBOX_STATES).optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

export const mailboxPageSchema = z.object({
  items: z.array(mailboxRowSchema),
  nextCursor: z.string().nullable(),
});

export const undoRetractionSchema = z
  .object({
    mailboxes: z.array(z.string().max(320)).min(1).max(10_000).optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();

export const idParamSchema = z.object({ id: guidSchema });

/** Placeholders the retraction notice may use; anything else in {{ }} is refused. */
export const NOTICE_PLACEHOLDERS = ['subject', 'sender', 'reason', 'action', 'mailbox'] as const;

/** Notice templates are trimmed: a blank subject or body is refused, not sent. */
const noticeTemplate = (max: number) => z.string().trim().pipe(mailTemplateSchema(max, NOTICE_PLACEHOLDERS));

/**
 * Telling recipients that a retraction took a message out of their mailbox: one plain-text message
 * per mailbox, sent from a mailbox of the tenant once the retraction completes.
 */
export const retractionNoticeSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** A mailbox of the tenant (its UPN or address) the notices are sent from. */
    fromMailbox: mailAddressSchema.nullable().default(null),
    subject: noticeTemplate(255).default('A message was removed from your mailbox: {{subject}}'),
    body: noticeTemplate(4000).default(
      'Hello,\n\nYour security team removed the message "{{subject}}" from {{sender}} from your ' +
        'mailbox: it was {{action}}.\n\nWhy: {{reason}}\n\nYou do not need to do anything. If you ' +
        'opened a link or an attachment in it, or replied to it, please tell your security team.',
    ),
  })
  .strict()
  .superRefine((notice, ctx) => {
    if (notice.enabled && !notice.fromMailbox)
      ctx.addIssue({
        code: 'custom',
        path: ['fromMailbox'],
        message: 'is required when notices are on',
      });
  })
  .describe(
    'Notices to the people whose copy a retraction removed: once a retraction completes, each mailbox ' +
      'that ended done gets one plain-text message from fromMailbox (a mailbox of the tenant; the app ' +
      'needs Mail.Send). Nothing is sent for dry runs, undos or moveToInbox. Templates may use ' +
      NOTICE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') +
      " ({{reason}} is the retraction's reason, or the verdict that started it, in plain words).",
  );
export type RetractionNotice = z.infer<typeof retractionNoticeSchema>;
export const DEFAULT_RETRACTION_NOTICE: RetractionNotice = retractionNoticeSchema.parse({});

export const autoRetractionPolicySchema = z
  .object({
    actions: z
      .object(
        Object.fromEntries(
          DISPOSITIONS.filter((d) => d !== 'CLEAN').map((d) => [d, z.enum(RETRACTION_ACTIONS).nullable()]),
        ) as Record<
          Exclude<(typeof DISPOSITIONS)[number], 'CLEAN'>,
          z.ZodNullable<z.ZodEnum<{ [K in (typeof RETRACTION_ACTIONS)[number]]: K }>>
        >,
      )
      .partial()
      .strict(),
    requireApproval: z.array(z.enum(RETRACTION_ACTIONS)),
    /** Retractions reaching more mailboxes than this need a second admin too. */
    approvalMailboxThreshold: z.number().int().min(1).max(1_000_000),
    approvalExpiryHours: z.number().int().min(1).max(168),
    /** How long a retraction keeps re-searching for late copies. */
    armedHours: z.number().int().min(0).max(720),
    /** Re-search times after the start, in minutes (Cloudflare rescans at 5 min, 12 h and 24 h). */
    rescanMinutes: z.array(z.number().int().min(1).max(43_200)).max(10),
    /**
     * Notices to recipients whose copy was removed. Absent means the stored setting stays as it is
     * (or off), with notifyRecipients/notifyFrom applied to it.
     */
    notify: retractionNoticeSchema.optional(),
    /** @deprecated Mirrors notify.enabled; read only when `notify` is absent (older clients). */
    notifyRecipients: z.boolean().default(false),
    /** @deprecated Mirrors notify.fromMailbox; read only when `notify` is absent (older clients). */
    notifyFrom: mailAddressSchema.nullable().default(null),
    /** Changing this policy needs a second admin's approval. */
    requireApprovalForPolicyChanges: z.boolean(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    if (!policy.notify && policy.notifyRecipients && !policy.notifyFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['notifyFrom'],
        message: 'is required when notifyRecipients is on',
      });
  });

export type AutoRetractionPolicy = z.infer<typeof autoRetractionPolicySchema>;
export type Retraction = z.infer<typeof retractionSchema>;

export const DEFAULT_AUTO_RETRACTION_POLICY: AutoRetractionPolicy = {
  actions: { MALICIOUS: 'moveToDeletedItems', SUSPICIOUS: null, SPOOF: null, SPAM: 'moveToJunk', BULK: null },
  requireApproval: ['hardDelete'],
  approvalMailboxThreshold: 5_000,
  approvalExpiryHours: 24,
  armedHours: 72,
  rescanMinutes: [5, 720, 1440],
  notifyRecipients: false,
  notifyFrom: null,
  requireApprovalForPolicyChanges: false,
};

export const policyResponseSchema = z.object({
  policy: autoRetractionPolicySchema,
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  pending: z
    .object({ policy: autoRetractionPolicySchema, requestedBy: z.string(), requestedAt: z.string() })
    .nullable(),
});
