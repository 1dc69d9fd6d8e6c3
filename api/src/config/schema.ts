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
    /** An active job silent for this long is presumed lost with its worker and retried. */
    JOB_EXPIRE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
    /** How often the job queue checks for expired jobs and other housekeeping. */
    QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    AUTOMATION_APP_ROLE: z.string().min(1).default('Clawback.Automation'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Optional separate app registrations per function (least privilege); default: CLIENT_ID. */
    RETRACTION_CLIENT_ID: guid.optional(),
    RETRACTION_CLIENT_SECRET: z.string().min(1).optional(),
    DIRECTORY_CLIENT_ID: guid.optional(),
    DIRECTORY_CLIENT_SECRET: z.string().min(1).optional(),
    COLLECTION_CLIENT_ID: guid.optional(),
    COLLECTION_CLIENT_SECRET: z.string().min(1).optional(),
    /** The API's public origin, for redirects back from Entra (admin consent). */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    /** Cron of the scheduled directory sync, or 'off'. */
    DIRECTORY_SYNC_CRON: z.string().min(1).default('*/15 * * * *'),
    DIRECTORY_PAGE_SIZE: z.coerce.number().int().min(1).max(999).default(999),
  })
  .superRefine((env, ctx) => {
    for (const fn of ['RETRACTION', 'DIRECTORY', 'COLLECTION'] as const)
      if (env[`${fn}_CLIENT_ID`] && !env[`${fn}_CLIENT_SECRET`])
        ctx.addIssue({
          code: 'custom',
          path: [`${fn}_CLIENT_SECRET`],
          message: `is required with ${fn}_CLIENT_ID`,
        });
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
