import { z } from 'zod';
import { cursorSchema } from './common.js';

export const auditQuerySchema = z
  .object({
    action: z
      .string()
      .max(100)
      .regex(/^[a-zA-Z.]+\*?$/, 'an action name such as retraction.started, or a prefix such as retraction.*')
      .optional(),
    actorId: z.string().max(100).optional(),
    targetId: z.string().max(200).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  hash: z.string(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});

export const auditVerifySchema = z.object({
  valid: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  brokenAt: z.number().int().optional(),
  problem: z.enum(['hashMismatch', 'missingRow', 'headMismatch', 'truncated']).optional(),
});

export type AuditEvent = z.infer<typeof auditEventSchema>;
