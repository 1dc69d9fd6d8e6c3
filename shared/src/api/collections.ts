// Collection API shapes: data sources that collect the mail and calendar of monitored people in
// time-window batches (seed 002, "Microsoft O365 Email and Calendar"), their batches and exports.
import { z } from 'zod';
import { cursorSchema, guidSchema } from './common.js';

export const COLLECTION_TYPES = ['mailAndCalendar', 'mail'] as const;
export type CollectionType = (typeof COLLECTION_TYPES)[number];

/** The seed's "Advanced Configuration" defaults. */
export const COLLECTION_DEFAULTS = {
  collectDrafts: false,
  monitoredIndividualsPerJob: 100,
  useQuickDiscovery: true,
  frequencyMinutes: 60,
  mergeBatchesDuringColdStart: true,
  maxBatchesToMerge: 24,
  collectionPeriodOffsetMinutes: 0,
} as const;

export const collectionSettingsSchema = z
  .object({
    /** FALSE: only sent (non-draft) emails; TRUE: drafts too. */
    collectDrafts: z.boolean(),
    monitoredIndividualsPerJob: z.number().int().min(1).max(1000),
    /** Skip mailboxes with no changes, found through delta queries. */
    useQuickDiscovery: z.boolean(),
    frequencyMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    mergeBatchesDuringColdStart: z.boolean(),
    maxBatchesToMerge: z.number().int().min(1).max(1000),
    /** Moves the end of every collection period back, so late-arriving mail is in its window. */
    collectionPeriodOffsetMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
  })
  .strict();
export type CollectionSettings = z.infer<typeof collectionSettingsSchema>;

const address = z
  .string()
  .max(320)
  .regex(/^[^\s@/]+@[^\s@/]+$/, 'must be an address');
const domainName = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'must be a domain name');

/** Monitored individuals: people and shared mailboxes by address, groups expanded, whole domains. */
export const monitoredSchema = z
  .object({
    users: z.array(address).max(10_000).default([]),
    groups: z.array(address).max(1_000).default([]),
    domains: z.array(domainName).max(100).default([]),
  })
  .strict()
  .refine((m) => m.users.length + m.groups.length + m.domains.length > 0, {
    message: 'name at least one user, group or domain',
    path: ['users'],
  });
export type Monitored = z.infer<typeof monitoredSchema>;

export const createCollectionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: z.enum(COLLECTION_TYPES).default('mailAndCalendar'),
    monitored: monitoredSchema,
    settings: collectionSettingsSchema.partial().strict().default({}),
    /** Start of the first collection period (received time); default: now. */
    collectFrom: z.iso.datetime({ offset: true }).optional(),
    enabled: z.boolean().default(true),
  })
  .strict();

export const updateCollectionSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    type: z.enum(COLLECTION_TYPES).optional(),
    monitored: monitoredSchema.optional(),
    settings: collectionSettingsSchema.partial().strict().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });

export const collectionIdParams = z.object({ id: guidSchema }).strict();
export const batchIdParams = z.object({ id: guidSchema, batchId: guidSchema }).strict();

export const BATCH_STATUSES = [
  'running',
  'retryScheduled',
  'completed',
  'completedWithErrors',
  'failed',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** Per mailbox: inactive, out-of-scope and unknown mailboxes are reported, not failed. */
export const BATCH_MAILBOX_STATUSES = [
  'pending',
  'collected',
  'noChanges',
  'inactive',
  'outOfScope',
  'notFound',
  'failed',
] as const;
export type BatchMailboxStatus = (typeof BATCH_MAILBOX_STATUSES)[number];

export const batchCountsSchema = z.object({
  mailboxes: z.number().int(),
  pending: z.number().int(),
  collected: z.number().int(),
  noChanges: z.number().int(),
  inactive: z.number().int(),
  outOfScope: z.number().int(),
  notFound: z.number().int(),
  failed: z.number().int(),
  messages: z.number().int(),
  events: z.number().int(),
  attachments: z.number().int(),
});
export type BatchCounts = z.infer<typeof batchCountsSchema>;

export const batchMailboxSchema = z.object({
  mailbox: z.string(),
  mailboxId: z.string(),
  job: z.number().int(),
  status: z.enum(BATCH_MAILBOX_STATUSES),
  reason: z.string().nullable(),
  messages: z.number().int(),
  events: z.number().int(),
  attempts: z.number().int(),
});

export const batchSchema = z.object({
  id: z.string(),
  collectionId: z.string(),
  seq: z.number().int(),
  windowStart: z.string(),
  windowEnd: z.string(),
  /** How many `frequency` windows this batch merges (more than one during a cold start). */
  windows: z.number().int(),
  coldStart: z.boolean(),
  trigger: z.enum(['schedule', 'manual']),
  status: z.enum(BATCH_STATUSES),
  attempt: z.number().int(),
  retries: z.array(
    z.object({ attempt: z.number().int(), scheduledFor: z.string(), failed: z.number().int() }),
  ),
  nextRetryAt: z.string().nullable(),
  counts: batchCountsSchema,
  errors: z.array(z.object({ mailbox: z.string().nullable(), error: z.string() })),
  /** Mailboxes not collected, and why (first 50; the full list is under /mailboxes). */
  problems: z.array(batchMailboxSchema),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type CollectionBatch = z.infer<typeof batchSchema>;

export const collectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(COLLECTION_TYPES),
  monitored: z.object({
    users: z.array(z.string()),
    groups: z.array(z.string()),
    domains: z.array(z.string()),
  }),
  settings: collectionSettingsSchema,
  enabled: z.boolean(),
  collectFrom: z.string(),
  /** Start of the next collection period. */
  nextWindowStart: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastBatch: batchSchema.nullable(),
});
export type Collection = z.infer<typeof collectionSchema>;

export const collectionListQuerySchema = z
  .object({
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const batchListQuerySchema = collectionListQuerySchema;

export const batchMailboxesQuerySchema = z
  .object({
    status: z.enum(BATCH_MAILBOX_STATUSES).optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const EXPORT_FORMATS = ['jsonl', 'eml', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export covers one batch, or items received (events: starting) in [from, to). */
export const exportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    batchId: guidSchema.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    mailbox: address.optional(),
  })
  .strict()
  .refine((q) => !!q.batchId !== !!(q.from || q.to), {
    message: 'give either batchId, or from and/or to',
    path: ['batchId'],
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** One collected item as a JSON Lines export writes it. */
export interface ExportedItem {
  kind: 'message' | 'event';
  mailbox: string;
  mailboxId: string;
  id: string;
  batchId: string;
  folder: string | null;
  internetMessageId: string | null;
  subject: string | null;
  from: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  receivedAt: string | null;
  sentAt: string | null;
  isDraft: boolean;
  meetingMessageType: string | null;
  body: string;
  attachments: {
    name: string;
    contentType: string;
    size: number;
    isInline: boolean;
    sha256: string | null;
  }[];
  event: {
    iCalUId: string;
    start: string;
    end: string;
    isAllDay: boolean;
    isCancelled: boolean;
    location: string | null;
    organizer: string | null;
    attendees: string[];
  } | null;
  collectedAt: string;
}
