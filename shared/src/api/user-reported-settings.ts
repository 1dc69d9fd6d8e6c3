// The tenant's user-reported settings, edited by an admin: what happens to the reporter's copy, the
// forward to a reporting mailbox in the format Microsoft Defender accepts from third-party buttons,
// reporter notifications, guests, and the threshold rule.
import { z } from 'zod';
import { DISPOSITIONS } from '../domain.js';
import { mailAddressSchema, mailTemplateSchema } from './common.js';
import { REPORTER_COPY_ACTIONS } from './reports.js';

/** Placeholders notification templates may use; anything else in {{ }} is refused. */
export const RECEIPT_PLACEHOLDERS = ['subject', 'sender', 'category', 'reportedAt', 'reporterName'] as const;
export const VERDICT_PLACEHOLDERS = [...RECEIPT_PLACEHOLDERS, 'disposition', 'outcome'] as const;

const template = mailTemplateSchema;

const receiptTemplate = z
  .object({
    enabled: z.boolean(),
    subject: template(255, RECEIPT_PLACEHOLDERS),
    body: template(4000, RECEIPT_PLACEHOLDERS),
  })
  .strict();

const verdictTemplate = z
  .object({
    enabled: z.boolean(),
    subject: template(255, VERDICT_PLACEHOLDERS),
    body: template(4000, VERDICT_PLACEHOLDERS),
    /** What {{outcome}} says for each disposition. */
    outcomes: z.object(
      Object.fromEntries(DISPOSITIONS.map((d) => [d, z.string().min(1).max(1000)])) as Record<
        (typeof DISPOSITIONS)[number],
        z.ZodString
      >,
    ),
  })
  .strict();

export const userReportedSettingsSchema = z
  .object({
    /** Guests (B2B accounts) may report only when this is on. */
    allowGuests: z.boolean(),
    /** What happens to the reporter's copy right after intake (not-junk reports go back to the inbox). */
    reporterCopy: z.enum(REPORTER_COPY_ACTIONS),
    /** The mailbox that receives forwards and sends notifications. */
    reportingMailbox: mailAddressSchema.nullable(),
    forward: z
      .object({
        enabled: z.boolean(),
        /** Who sends the forward: the reporter (Defender shows them as the submitter) or the mailbox. */
        from: z.enum(['reporter', 'reportingMailbox']),
      })
      .strict(),
    notifications: z.object({ onReceipt: receiptTemplate, onVerdict: verdictTemplate }).strict(),
    /** N distinct reporters of one campaign set this disposition, unless an analyst already decided. */
    threshold: z
      .object({
        enabled: z.boolean(),
        reporters: z.number().int().min(2).max(10_000),
        disposition: z.enum(DISPOSITIONS),
      })
      .strict(),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const needsMailbox =
      settings.forward.enabled ||
      settings.notifications.onReceipt.enabled ||
      settings.notifications.onVerdict.enabled;
    if (needsMailbox && !settings.reportingMailbox)
      ctx.addIssue({
        code: 'custom',
        path: ['reportingMailbox'],
        message: 'is required when forwarding or notifications are on',
      });
  });
export type UserReportedSettings = z.infer<typeof userReportedSettingsSchema>;

export const userReportedSettingsResponseSchema = z.object({
  settings: userReportedSettingsSchema,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const DEFAULT_USER_REPORTED_SETTINGS: UserReportedSettings = {
  allowGuests: false,
  reporterCopy: 'keep',
  reportingMailbox: null,
  forward: { enabled: false, from: 'reporter' },
  notifications: {
    onReceipt: {
      enabled: false,
      subject: 'We received your report: {{subject}}',
      body:
        'Hello {{reporterName}},\n\nThank you for reporting "{{subject}}" from {{sender}} as {{category}} ' +
        'on {{reportedAt}}. Your security team will review it.',
    },
    onVerdict: {
      enabled: false,
      subject: 'Your report was reviewed: {{subject}}',
      body:
        'Hello {{reporterName}},\n\nYour security team reviewed "{{subject}}" from {{sender}}, which you ' +
        'reported on {{reportedAt}}.\n\n{{outcome}}',
      outcomes: {
        MALICIOUS: 'It was malicious. It has been or will be removed from every mailbox. Thank you.',
        SUSPICIOUS: 'It looks suspicious. Do not open links or attachments in it.',
        SPOOF: 'It impersonated a trusted sender. Thank you for spotting it.',
        SPAM: 'It was spam: unwanted, but not dangerous.',
        BULK: 'It was bulk mail such as a newsletter. You can unsubscribe from it.',
        CLEAN: 'It was safe: a legitimate message.',
      },
    },
  },
  threshold: { enabled: false, reporters: 5, disposition: 'SUSPICIOUS' },
};
