// Reports: intake from the add-in (or Outlook's integrated spam reporting), the reporter's history,
// and triage of single reports by analysts.
import { z } from 'zod';
import { DISPOSITIONS, REPORT_CATEGORIES } from '../domain.js';
import { cursorSchema, guidSchema, mailAddressSchema } from './common.js';
import { internetMessageIdSchema } from './retractions.js';

export const TRIAGE_STATUSES = ['new', 'inReview', 'resolved'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export const REPORT_LIMITS = {
  itemIdChars: 512,
  commentChars: 2000,
  options: 5,
  optionChars: 200,
  /** Decoded size of the EML Outlook hands over; the route's body limit leaves room for base64. */
  emlBytes: 10 * 1024 * 1024,
  noteChars: 4000,
} as const;

/** A Graph REST item id: URL-safe base64 with optional padding (EWS ids are converted first). */
export const reportItemIdSchema = z
  .string()
  .min(16, 'must be a REST item id')
  .max(REPORT_LIMITS.itemIdChars, `must be at most ${REPORT_LIMITS.itemIdChars} characters`)
  .regex(
    /^[A-Za-z0-9_-]+={0,2}$/,
    'must be a REST item id (URL-safe base64; convert EWS ids with convertToRestId)',
  );

const emlSchema = z
  .string()
  .min(1)
  .max(Math.ceil(REPORT_LIMITS.emlBytes / 3) * 4, `must be at most ${REPORT_LIMITS.emlBytes} bytes`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 without line breaks');

export const createReportSchema = z
  .object({
    itemId: reportItemIdSchema,
    /** The item's internetMessageId: found by it in the caller's own mailbox when itemId went stale. */
    internetMessageId: internetMessageIdSchema.optional(),
    category: z.enum(REPORT_CATEGORIES),
    comment: z.string().max(REPORT_LIMITS.commentChars).optional(),
    /** What the user ticked in Outlook's pre-processing dialog. */
    options: z.array(z.string().min(1).max(REPORT_LIMITS.optionChars)).max(REPORT_LIMITS.options).optional(),
    /** The message as Outlook's getAsFileAsync gives it (base64 EML): kept as the evidence copy. */
    eml: emlSchema.optional(),
  })
  .strict();
export type CreateReport = z.infer<typeof createReportSchema>;

export const REPORTER_COPY_ACTIONS = ['keep', 'junk', 'deletedItems'] as const;
export type ReporterCopyAction = (typeof REPORTER_COPY_ACTIONS)[number];

export const reportCreatedSchema = z.object({
  id: guidSchema,
  status: z.enum(TRIAGE_STATUSES),
  campaignId: guidSchema,
  /** True when this person had already reported this message: the existing report is returned. */
  duplicate: z.boolean(),
  /** What the server does with the reporter's copy (the add-in then leaves the item alone). */
  reporterCopy: z.enum(REPORTER_COPY_ACTIONS),
});

export const dispositionSchema = z.enum(DISPOSITIONS);

export const reportSummarySchema = z.object({
  id: guidSchema,
  reportedAt: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  status: z.enum(TRIAGE_STATUSES),
  disposition: dispositionSchema.nullable(),
  verdictAt: z.string().nullable(),
  subject: z.string().nullable(),
  sender: z.string().nullable(),
  reporter: z.object({ oid: z.string(), upn: z.string().nullable() }),
  campaignId: guidSchema,
  /** Analysts only. */
  assignee: z.string().nullable().optional(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

const addressSchema = z.object({ name: z.string().nullable(), address: z.string(), domain: z.string() });

export const enrichmentSchema = z.object({
  sender: addressSchema.nullable(),
  from: addressSchema.nullable(),
  replyTo: z.array(addressSchema),
  replyToMismatch: z.boolean(),
  authentication: z.object({
    spf: z.string().nullable(),
    dkim: z.string().nullable(),
    dmarc: z.string().nullable(),
  }),
  /** Defanged for display: hxxps://example[.]com/... */
  urls: z.array(z.object({ url: z.string(), host: z.string() })),
  attachments: z.array(
    z.object({
      name: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      sha256: z.string().nullable(),
    }),
  ),
  lookalikes: z.array(
    z.object({
      domain: z.string(),
      resembles: z.string(),
      kind: z.enum(['homoglyph', 'typo', 'embedded']),
      where: z.enum(['sender', 'from', 'replyTo', 'url']),
    }),
  ),
  received: z.array(
    z.object({
      from: z.string().nullable(),
      by: z.string().nullable(),
      ip: z.string().nullable(),
      date: z.string().nullable(),
    }),
  ),
});
export type Enrichment = z.infer<typeof enrichmentSchema>;

export const noteSchema = z.object({
  id: guidSchema,
  author: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});

export const reportDetailSchema = reportSummarySchema.extend({
  internetMessageId: z.string(),
  comment: z.string().nullable(),
  options: z.array(z.string()),
  verdictBy: z.string().nullable().optional(),
  enrichment: enrichmentSchema.optional(),
  evidence: z
    .object({ source: z.enum(['client', 'graph']), sha256: z.string(), size: z.number().int() })
    .nullable()
    .optional(),
  notes: z.array(noteSchema).optional(),
  sideEffects: z
    .object({
      forwardedAt: z.string().nullable(),
      reporterCopyMovedAt: z.string().nullable(),
      receiptNotifiedAt: z.string().nullable(),
      outcomeNotifiedAt: z.string().nullable(),
    })
    .optional(),
});

const booleanString = z.enum(['true', 'false']).transform((value) => value === 'true');
const instant = z.iso.datetime({ offset: true });

export const reportListQuerySchema = z
  .object({
    /** The caller's own reports (any user); without it the list needs the readReports capability. */
    mine: booleanString.optional(),
    status: z.enum(TRIAGE_STATUSES).optional(),
    category: z.enum(REPORT_CATEGORIES).optional(),
    disposition: z.enum([...DISPOSITIONS, 'none']).optional(),
    campaignId: guidSchema.optional(),
    reporter: mailAddressSchema.optional(),
    assignee: mailAddressSchema.optional(),
    since: instant.optional(),
    until: instant.optional(),
    sort: z.enum(['-reportedAt', 'reportedAt']).default('-reportedAt'),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reportPageSchema = z.object({
  items: z.array(reportSummarySchema),
  nextCursor: z.string().nullable(),
});

export const triageIdParamSchema = z.object({ id: guidSchema }).strict();

export const verdictBodySchema = z.object({ disposition: dispositionSchema }).strict();

export const verdictResultSchema = z.object({
  id: guidSchema,
  disposition: dispositionSchema,
  verdictAt: z.string(),
  /**
   * The auto-retraction policy: 'started' (retraction holds its id), 'noAction' (the policy does
   * nothing for this disposition), 'unavailable' (no retraction engine in this deployment), 'failed'.
   */
  policy: z.enum(['started', 'noAction', 'unavailable', 'failed']),
  retraction: z.object({ retractionId: z.string() }).nullable(),
  /** Reporters who will be told the outcome. */
  notifying: z.number().int(),
});

export const triagePatchSchema = z
  .object({
    status: z.enum(TRIAGE_STATUSES).optional(),
    assignee: mailAddressSchema.nullable().optional(),
  })
  .strict()
  .refine((patch) => patch.status !== undefined || patch.assignee !== undefined, {
    message: 'give status or assignee',
  });

export const noteBodySchema = z
  .object({ text: z.string().trim().min(1).max(REPORT_LIMITS.noteChars) })
  .strict();
