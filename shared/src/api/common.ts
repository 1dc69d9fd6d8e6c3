// Shapes every endpoint shares: problem documents, paging, ids.
import { z } from 'zod';
import { PROBLEM_CODES } from '../problems.js';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.values(PROBLEM_CODES) as [string, ...string[]]),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('An RFC 9457 problem document');

/** The error responses every authenticated route can give. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  429: problemSchema,
  503: problemSchema,
} as const;

export const guidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

/** An opaque paging cursor: clients pass back what they were given. */
export const cursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor from a previous page');

export const pageQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** An address as Entra writes a UPN or primary SMTP address. */
export const mailAddressSchema = z
  .string()
  .min(3)
  .max(320)
  .regex(/^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/, 'must be an email address');

/** A mail template whose {{placeholders}} must all be among `allowed`; anything else is refused. */
export function mailTemplateSchema(max: number, allowed: readonly string[]) {
  return z
    .string()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      for (const [, name] of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g))
        if (!allowed.includes(name!))
          ctx.addIssue({
            code: 'custom',
            message: `unknown placeholder {{${name}}}; use ${allowed.map((p) => `{{${p}}}`).join(', ')}`,
          });
    });
}
