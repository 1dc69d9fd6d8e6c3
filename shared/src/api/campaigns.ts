// Campaigns: many people's reports of one attack (the same internetMessageId or the same canonical
// fingerprint), triaged and decided once.
import { z } from 'zod';
import { DISPOSITIONS, REPORT_CATEGORIES } from '../domain.js';
import { cursorSchema, guidSchema } from './common.js';
import { dispositionSchema, enrichmentSchema, noteSchema, TRIAGE_STATUSES } from './reports.js';

export const campaignSummarySchema = z.object({
  id: guidSchema,
  subject: z.string().nullable(),
  sender: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  reportCount: z.number().int(),
  reporterCount: z.number().int(),
  estimatedRecipients: z.number().int(),
  status: z.enum(TRIAGE_STATUSES),
  assignee: z.string().nullable(),
  disposition: dispositionSchema.nullable(),
  verdictAt: z.string().nullable(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignDetailSchema = campaignSummarySchema.extend({
  internetMessageIds: z.array(z.string()),
  verdictBy: z.string().nullable(),
  /** 'analyst', or 'threshold' when enough people reported it. */
  verdictSource: z.enum(['analyst', 'threshold']).nullable(),
  reporters: z.array(
    z.object({
      reportId: guidSchema,
      oid: z.string(),
      upn: z.string().nullable(),
      category: z.enum(REPORT_CATEGORIES),
      reportedAt: z.string(),
    }),
  ),
  /** The enrichment of the first report. */
  enrichment: enrichmentSchema.nullable(),
  notes: z.array(noteSchema),
});

export const campaignListQuerySchema = z
  .object({
    status: z.enum(TRIAGE_STATUSES).optional(),
    disposition: z.enum([...DISPOSITIONS, 'none']).optional(),
    assignee: z.string().max(320).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    sort: z.enum(['-lastSeen', 'lastSeen', '-reporterCount']).default('-lastSeen'),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CampaignListQuery = z.infer<typeof campaignListQuerySchema>;

export const campaignPageSchema = z.object({
  items: z.array(campaignSummarySchema),
  nextCursor: z.string().nullable(),
});
