// The admin console's API client: the add-in's client (me, retractions and their events) plus the
// triage, policy, directory, collection, audit and health endpoints. Bodies are checked against the
// same shared schemas the API validates with; errors are ApiErrors; downloads (CSV, EML, exports)
// come back as Blobs because they need the bearer token, which never goes in a URL.
import {
  auditPageSchema,
  auditVerifySchema,
  authorizationsResponseSchema,
  type autoRetractionPolicySchema,
  batchSchema,
  campaignDetailSchema,
  campaignPageSchema,
  collectionSchema,
  directoryStatusSchema,
  domainSummarySchema,
  domainsPageSchema,
  healthResponseSchema,
  mailboxPageSchema,
  messageSearchPageSchema,
  noteSchema,
  pageOf,
  permissionsResponseSchema,
  policyResponseSchema,
  reportDetailSchema,
  reportPageSchema,
  retractionPageSchema,
  retractionSchema,
  startAuthorizationResponseSchema,
  syncRequestedSchema,
  userReportedSettingsResponseSchema,
  verdictResultSchema,
  type AppFunctionName,
  type Disposition,
  type UserReportedSettings,
} from '@clawback/shared';
import { z } from 'zod';
import { createApiClient, type ApiClientOptions } from './client.js';
import { ApiError } from './problem.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
type Query = Record<string, string | number | boolean | undefined | null>;

interface Call {
  method?: Method;
  body?: unknown;
  query?: Query;
  /** Statuses besides 2xx whose body is still the answer (health answers 503 with its checks). */
  accept?: number[];
}

export interface Download {
  blob: Blob;
  filename: string;
}

export type TriagePatch = { status?: 'new' | 'inReview' | 'resolved'; assignee?: string | null };

/** Query values as strings, leaving out the empty ones. */
function queryString(query: Query | undefined): string {
  const entries = Object.entries(query ?? {}).filter(
    (entry): entry is [string, string | number | boolean] =>
      entry[1] !== undefined && entry[1] !== null && entry[1] !== '',
  );
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

export function createConsoleApi(options: ApiClientOptions) {
  const base = createApiClient(options);
  const baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(path: string, call: Call = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.tokens) headers.authorization = `Bearer ${await options.tokens.getToken()}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}${queryString(call.query)}`, {
        method: call.method ?? 'GET',
        headers,
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      });
    } catch (error) {
      throw new ApiError(
        0,
        'network_error',
        'Network error',
        error instanceof Error ? error.message : String(error),
      );
    }
    if (!response.ok && !call.accept?.includes(response.status)) {
      if (response.status === 401) options.tokens?.invalidate();
      throw await ApiError.fromResponse(response);
    }
    return response;
  }

  async function parse<S extends z.ZodType>(schema: S, response: Response): Promise<z.infer<S>> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new ApiError(
        response.status,
        'unexpected_response',
        'The response does not match the API contract',
        parsed.error.message,
      );
    return parsed.data;
  }

  const json = async <S extends z.ZodType>(schema: S, path: string, call?: Call) =>
    parse(schema, await send(path, call));
  /** The parsed body and the status, for endpoints whose status carries meaning (200 vs 202). */
  const withStatus = async <S extends z.ZodType>(schema: S, path: string, call?: Call) => {
    const response = await send(path, call);
    return { status: response.status, body: await parse(schema, response) };
  };
  const download = async (path: string, query: Query, fallback: string): Promise<Download> => {
    const response = await send(path, { query });
    return { blob: await response.blob(), filename: filenameOf(response, fallback) };
  };
  const id = (value: string) => encodeURIComponent(value);
  const post = (body?: unknown): Call => ({ method: 'POST', ...(body === undefined ? {} : { body }) });

  return {
    ...base,

    reports: {
      list: (query: Query) => json(reportPageSchema, '/reports', { query }),
      get: (reportId: string) => json(reportDetailSchema, `/reports/${id(reportId)}`),
      verdict: (reportId: string, disposition: Disposition) =>
        json(verdictResultSchema, `/reports/${id(reportId)}/verdict`, post({ disposition })),
      patch: (reportId: string, patch: TriagePatch) =>
        json(reportDetailSchema, `/reports/${id(reportId)}`, { method: 'PATCH', body: patch }),
      addNote: (reportId: string, text: string) =>
        json(noteSchema, `/reports/${id(reportId)}/notes`, post({ text })),
      evidence: (reportId: string) => download(`/reports/${id(reportId)}/evidence`, {}, `${reportId}.eml`),
    },

    campaigns: {
      list: (query: Query) => json(campaignPageSchema, '/campaigns', { query }),
      get: (campaignId: string) => json(campaignDetailSchema, `/campaigns/${id(campaignId)}`),
      verdict: (campaignId: string, disposition: Disposition) =>
        json(verdictResultSchema, `/campaigns/${id(campaignId)}/verdict`, post({ disposition })),
      patch: (campaignId: string, patch: TriagePatch) =>
        json(campaignDetailSchema, `/campaigns/${id(campaignId)}`, { method: 'PATCH', body: patch }),
      addNote: (campaignId: string, text: string) =>
        json(noteSchema, `/campaigns/${id(campaignId)}/notes`, post({ text })),
    },

    searchMessages: (query: Query) => json(messageSearchPageSchema, '/messages', { query }),

    retractions: {
      list: (query: Query) => json(retractionPageSchema, '/retractions', { query }),
      mailboxes: (retractionId: string, query: Query) =>
        json(mailboxPageSchema, `/retractions/${id(retractionId)}/mailboxes`, { query }),
      csv: (retractionId: string, state?: string) =>
        download(
          `/retractions/${id(retractionId)}/mailboxes`,
          { format: 'csv', state },
          `retraction-${retractionId}.csv`,
        ),
      evidence: (retractionId: string) =>
        download(`/retractions/${id(retractionId)}/evidence`, {}, `retraction-${retractionId}.eml`),
      approve: (retractionId: string) =>
        json(retractionSchema, `/retractions/${id(retractionId)}/approve`, post()),
      cancel: (retractionId: string) =>
        json(retractionSchema, `/retractions/${id(retractionId)}/cancel`, post()),
      undo: (retractionId: string, reason?: string) =>
        json(retractionSchema, `/retractions/${id(retractionId)}/undo`, post(reason ? { reason } : {})),
      rescan: (retractionId: string) =>
        json(
          z.object({ added: z.number().int(), retraction: retractionSchema }),
          `/retractions/${id(retractionId)}/rescan`,
          post(),
        ),
    },

    policies: {
      get: () => json(policyResponseSchema, '/policies/auto-retraction'),
      /** 200: applied; 202: waits for a second administrator. */
      /** Fields the schema defaults (the older notifyRecipients/notifyFrom pair) may be left out. */
      put: (policy: z.input<typeof autoRetractionPolicySchema>) =>
        withStatus(policyResponseSchema, '/policies/auto-retraction', { method: 'PUT', body: policy }),
      approve: () => json(policyResponseSchema, '/policies/auto-retraction/approve', post()),
    },

    userReportedSettings: {
      get: () => json(userReportedSettingsResponseSchema, '/settings/user-reported'),
      put: (settings: UserReportedSettings) =>
        json(userReportedSettingsResponseSchema, '/settings/user-reported', {
          method: 'PUT',
          body: settings,
        }),
    },

    directory: {
      status: () => json(directoryStatusSchema, '/directory/status'),
      sync: () => json(syncRequestedSchema, '/directory/sync', post()),
      authorizations: () => json(authorizationsResponseSchema, '/directory/authorizations'),
      startAuthorization: (fn: AppFunctionName, loginHint?: string) =>
        json(
          startAuthorizationResponseSchema,
          `/directory/authorizations/${fn}/start`,
          post(loginHint ? { loginHint } : {}),
        ),
      domains: (query: Query = {}) => json(domainsPageSchema, '/domains', { query }),
      publish: (name: string) => json(domainSummarySchema, `/domains/${id(name)}/publish`, post()),
      unpublish: (name: string) => json(domainSummarySchema, `/domains/${id(name)}/unpublish`, post()),
    },

    collections: {
      list: (query: Query = {}) => json(pageOf(collectionSchema), '/collections', { query }),
      get: (collectionId: string) => json(collectionSchema, `/collections/${id(collectionId)}`),
      create: (body: unknown) => json(collectionSchema, '/collections', post(body)),
      update: (collectionId: string, body: unknown) =>
        json(collectionSchema, `/collections/${id(collectionId)}`, { method: 'PATCH', body }),
      run: (collectionId: string) => json(batchSchema, `/collections/${id(collectionId)}/run`, post()),
      batches: (collectionId: string, query: Query = {}) =>
        json(pageOf(batchSchema), `/collections/${id(collectionId)}/batches`, { query }),
      export: (collectionId: string, query: Query) =>
        download(
          `/collections/${id(collectionId)}/export`,
          query,
          `collection-${collectionId}.${query.format}`,
        ),
    },

    audit: {
      list: (query: Query) => json(auditPageSchema, '/audit', { query }),
      verify: () => json(auditVerifySchema, '/audit/verify'),
    },

    health: {
      get: () => json(healthResponseSchema, '/health', { accept: [503] }),
      permissions: () => json(permissionsResponseSchema, '/health/permissions'),
    },
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
