import { z } from 'zod';
import { CAPABILITIES, ROLE_TEMPLATE_IDS } from '../roles.js';

export const meResponseSchema = z.object({
  kind: z.enum(['user', 'app']),
  oid: z.string(),
  tenantId: z.string(),
  upn: z.string().nullable(),
  displayName: z.string().nullable(),
  isGuest: z.boolean(),
  roles: z.array(
    z.enum(
      Object.keys(ROLE_TEMPLATE_IDS) as [
        keyof typeof ROLE_TEMPLATE_IDS,
        ...(keyof typeof ROLE_TEMPLATE_IDS)[],
      ],
    ),
  ),
  capabilities: z.array(z.enum(CAPABILITIES)),
});

export type MeResponse = z.infer<typeof meResponseSchema>;
