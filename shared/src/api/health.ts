import { z } from 'zod';

const check = z.object({ ok: z.boolean(), detail: z.string().optional() });

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ database: check, queue: check, graphToken: check, deadLetters: check }),
});

export const featurePermissionsSchema = z.object({
  feature: z.string(),
  required: z.array(z.string()),
  missing: z.array(z.object({ permission: z.string(), impact: z.string() })),
  ready: z.boolean(),
});

export const permissionsResponseSchema = z.object({
  granted: z.array(z.string()),
  checkedAt: z.string(),
  features: z.array(featurePermissionsSchema),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
export type PermissionsResponse = z.infer<typeof permissionsResponseSchema>;
