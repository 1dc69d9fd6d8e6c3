// Message search over the message index (contract: GET /messages).
import { z } from 'zod';
import { cursorSchema } from './common.js';
import { internetMessageIdSchema } from './retractions.js';

export const messageSearchQuerySchema = z
  .object({
    internetMessageId: internetMessageIdSchema.optional(),
    sender: z
      .string()
      .max(320)
      .regex(/^[^\s@]+@[^\s@]+$/, 'must be an address')
      .optional(),
    subject: z.string().min(1).max(400).optional(),
    receivedAfter: z.iso.datetime({ offset: true }).optional(),
    receivedBefore: z.iso.datetime({ offset: true }).optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine((q) => !!(q.internetMessageId || q.sender || q.subject || q.receivedAfter || q.receivedBefore), {
    message: 'give at least one of internetMessageId, sender, subject, receivedAfter or receivedBefore',
    path: ['internetMessageId'],
  });

export const messageCopySchema = z.object({
  mailbox: z.string(),
  mailboxId: z.string(),
  messageId: z.string(),
  internetMessageId: z.string(),
  sender: z.string().nullable(),
  recipients: z.array(z.string()),
  subject: z.string().nullable(),
  receivedAt: z.string().nullable(),
  folder: z.string().nullable(),
  isRead: z.boolean().nullable(),
  source: z.string(),
  removedAt: z.string().nullable(),
});
export type MessageCopyView = z.infer<typeof messageCopySchema>;

export const messageSearchPageSchema = z.object({
  items: z.array(messageCopySchema),
  nextCursor: z.string().nullable(),
});
