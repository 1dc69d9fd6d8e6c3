// Clawback's configuration, parsed once from the environment. Sandbox mode needs nothing: the
// sandbox's control API fills in the tenant, app registration and CA at start. Production needs the
// tenant's real values and nothing that points at the sandbox.
import { z } from 'zod';

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const port = z.coerce.number().int().min(0).max(65535);
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

export const environmentSchema = z
  .object({
    CLAWBACK_MODE: z.enum(['sandbox', 'production']).default('sandbox'),
    CLAWBACK_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
    HOST: z.string().min(1).optional(),
    PORT: port.default(3000),
    SANDBOX_PORT: port.default(4443),
    DATA_DIR: z.string().min(1).default('data'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    TENANT_ID: guid.optional(),
    CLIENT_ID: guid.optional(),
    CLIENT_SECRET: z.string().min(1).optional(),
    CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
    CLIENT_CERTIFICATE_KEY_PATH: z.string().min(1).optional(),
    /** App ID URI of the Clawback API (e.g. api://clawback.contoso.com/<client id>). */
    API_AUDIENCE: z.string().min(1).optional(),
    AUTHORITY_HOST: z
      .url({ protocol: /^https$/, error: 'must be an https:// URL' })
      .default('https://login.microsoftonline.com'),
    GRAPH_BASE_URL: z
      .url({ protocol: /^https$/, error: 'must be an https:// URL' })
      .default('https://graph.microsoft.com/v1.0'),
    /** Client ids allowed as a delegated token's azp, besides the API's own and the Microsoft hosts. */
    ALLOWED_CLIENT_IDS: csv.default([]),
    CORS_ORIGINS: csv.default([]),
    EXTRA_CA_CERT_PATH: z.string().min(1).optional(),
    TLS_CERT_PATH: z.string().min(1).optional(),
    TLS_KEY_PATH: z.string().min(1).optional(),
    ROLE_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(300),
    AUTOMATION_APP_ROLE: z.string().min(1).default('Clawback.Automation'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  })
  .superRefine((env, ctx) => {
    if (env.CLAWBACK_MODE !== 'production') return;
    const required = ['TENANT_ID', 'CLIENT_ID', 'API_AUDIENCE'] as const;
    for (const key of required)
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    if (!env.CLIENT_SECRET && !(env.CLIENT_CERTIFICATE_PATH && env.CLIENT_CERTIFICATE_KEY_PATH))
      ctx.addIssue({
        code: 'custom',
        path: ['CLIENT_SECRET'],
        message:
          'production needs CLIENT_SECRET, or CLIENT_CERTIFICATE_PATH with CLIENT_CERTIFICATE_KEY_PATH',
      });
    if (env.AUTHORITY_HOST.includes('localhost') || env.GRAPH_BASE_URL.includes('localhost'))
      ctx.addIssue({
        code: 'custom',
        path: ['AUTHORITY_HOST'],
        message: 'must not point at a local sandbox in production',
      });
  });

export type Environment = z.infer<typeof environmentSchema>;
