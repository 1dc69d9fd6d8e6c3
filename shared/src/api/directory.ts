// Directory integration and domain onboarding: sync progress, authorizations per function, domains.
import { z } from 'zod';
import { cursorSchema } from './common.js';

/** Clawback functions that each need an admin's consent (seed 001: mail access, directory scanning). */
export const APP_FUNCTIONS = ['retraction', 'directory', 'collection'] as const;
export type AppFunctionName = (typeof APP_FUNCTIONS)[number];

export const SYNC_PHASES = ['domains', 'users', 'groups', 'memberships', 'roles'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** discovered → authorized → published → syncing → synced */
export const DOMAIN_STATES = ['discovered', 'authorized', 'published', 'syncing', 'synced'] as const;
export type DomainState = (typeof DOMAIN_STATES)[number];

const timestamp = z.string().nullable();

export const syncPhaseSchema = z.object({
  phase: z.enum(SYNC_PHASES),
  status: z.enum(['idle', 'running', 'completed', 'failed']),
  /** initial: a full delta round; incremental: changes since the last one; full: a plain re-read. */
  mode: z.enum(['initial', 'incremental', 'full']).nullable(),
  processed: z.number().int(),
  /** Items the current initial round expects, when known. */
  expected: z.number().int().nullable(),
  /** Rows held now. */
  stored: z.number().int(),
  pages: z.number().int(),
  startedAt: timestamp,
  finishedAt: timestamp,
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  lastSuccessAt: timestamp,
  lastError: z.string().nullable(),
  lastErrorAt: timestamp,
  /** A crashed round will resume from its last committed page. */
  resumable: z.boolean(),
});

export const domainSummarySchema = z.object({
  name: z.string(),
  isDefault: z.boolean(),
  isInitial: z.boolean(),
  isVerified: z.boolean(),
  state: z.enum(DOMAIN_STATES),
  published: z.boolean(),
  publishedAt: timestamp,
  publishedBy: z.string().nullable(),
  users: z.number().int(),
  mailboxes: z.number().int(),
  groups: z.number().int(),
});

export const directoryStatusSchema = z.object({
  state: z.enum(['neverSynced', 'syncing', 'synced', 'failed']),
  lastSyncedAt: timestamp,
  schedule: z.string().nullable(),
  organization: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
  phases: z.array(syncPhaseSchema),
  domains: z.array(domainSummarySchema),
});

export const syncRequestedSchema = z.object({ jobId: z.string().nullable(), queued: z.boolean() });

export const authorizationSchema = z.object({
  function: z.enum(APP_FUNCTIONS),
  clientId: z.string(),
  state: z.enum(['notAuthorized', 'authorized', 'missingPermissions']),
  /** Application permissions in a fresh token of the function's app. */
  granted: z.array(z.string()),
  required: z.array(z.string()),
  missing: z.array(z.object({ permission: z.string(), impact: z.string() })),
  consentedAt: timestamp,
  consentedBy: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: timestamp,
});

export const authorizationsResponseSchema = z.object({
  items: z.array(authorizationSchema),
  checkedAt: z.string(),
});

export const appFunctionParamsSchema = z.object({ function: z.enum(APP_FUNCTIONS) }).strict();

export const startAuthorizationSchema = z
  .object({
    /** Pre-fills the administrator's sign-in at Entra. */
    loginHint: z
      .string()
      .max(320)
      .regex(/^[^\s@]+@[^\s@]+$/, 'must be a user principal name')
      .optional(),
  })
  .strict();

export const startAuthorizationResponseSchema = z.object({ url: z.string(), expiresAt: z.string() });

/** What Entra's admin-consent redirect carries back. */
export const consentCallbackQuerySchema = z
  .object({
    state: z.string().max(200).optional(),
    admin_consent: z.string().max(10).optional(),
    tenant: z.string().max(100).optional(),
    scope: z.string().max(4000).optional(),
    error: z.string().max(200).optional(),
    error_subcode: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
  })
  .strict();

export const domainNameSchema = z
  .string()
  .max(253)
  .regex(/^([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/, 'must be a domain name');

export const domainParamsSchema = z.object({ name: domainNameSchema }).strict();

export const domainsQuerySchema = z
  .object({
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const domainsPageSchema = z.object({
  items: z.array(domainSummarySchema),
  nextCursor: z.string().nullable(),
});

export type SyncPhaseView = z.infer<typeof syncPhaseSchema>;
export type DomainSummary = z.infer<typeof domainSummarySchema>;
export type DirectoryStatus = z.infer<typeof directoryStatusSchema>;
export type AuthorizationView = z.infer<typeof authorizationSchema>;
