// The add-in's only way to the backend: fetch with the caller's bearer token to /api/v1, bodies
// checked against the contract's schemas, errors as ApiError. Nothing is retried behind the
// caller's back: a refused token is forgotten so the next call gets a fresh one, and the UI decides
// whether to try again.
import {
  mailboxPageSchema,
  meResponseSchema,
  reportCreatedSchema,
  reportPageSchema,
  retractionPageSchema,
  retractionSchema,
  type MailboxState,
  type MeResponse,
} from '@clawback/shared';
import type { z } from 'zod';
import type { TokenProvider } from '../auth/token-provider.js';
import { ApiError } from './problem.js';
import {
  TERMINAL_RETRACTION_STATUSES,
  type CreateReport,
  type CreateRetraction,
  type ReportCreated,
  type Retraction,
} from './schemas.js';
import { readServerSentEvents } from './sse.js';

export interface ApiClientOptions {
  /** Null for the public endpoints only (health). */
  tokens: TokenProvider | null;
  /** Defaults to /api/v1 on the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string>;
  accept?: string;
  signal?: AbortSignal;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(path: string, request: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: request.accept ?? 'application/json' };
    if (options.tokens) headers.authorization = `Bearer ${await options.tokens.getToken()}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}${query}`, {
        method: request.method ?? 'GET',
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw new ApiError(
        0,
        'network_error',
        'Network error',
        error instanceof Error ? error.message : String(error),
      );
    }
    if (!response.ok) {
      if (response.status === 401) options.tokens?.invalidate();
      throw await ApiError.fromResponse(response);
    }
    return response;
  }

  async function json<S extends z.ZodType>(
    schema: S,
    path: string,
    request?: RequestOptions,
  ): Promise<z.infer<S>> {
    const response = await send(path, request);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(response.status, 'unexpected_response', 'The response is not JSON');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ApiError(
        response.status,
        'unexpected_response',
        'The response does not match the API contract',
        parsed.error.message,
      );
    return parsed.data;
  }

  return {
    me: (): Promise<MeResponse> => json(meResponseSchema, '/me'),

    createReport: (report: CreateReport): Promise<ReportCreated> =>
      json(reportCreatedSchema, '/reports', { method: 'POST', body: report }),

    listMyReports: (): Promise<z.infer<typeof reportPageSchema>> =>
      json(reportPageSchema, '/reports', { query: { mine: 'true' } }),

    /** Starts a retraction (202), or joins one already under way for the message (200). */
    createRetraction: (retraction: CreateRetraction): Promise<Retraction> =>
      json(retractionSchema, '/retractions', { method: 'POST', body: retraction }),

    getRetraction: (id: string): Promise<Retraction> =>
      json(retractionSchema, `/retractions/${encodeURIComponent(id)}`),

    /** The retractions of one message (plans, retractions and undos), newest first. */
    listRetractionsOf: (
      internetMessageId: string,
      limit = 20,
    ): Promise<z.infer<typeof retractionPageSchema>> =>
      json(retractionPageSchema, '/retractions', { query: { internetMessageId, limit: String(limit) } }),

    /** One page of a retraction's mailboxes, optionally only those in one state. */
    retractionMailboxes: (
      id: string,
      filter: { state?: MailboxState; limit?: number } = {},
    ): Promise<z.infer<typeof mailboxPageSchema>> =>
      json(mailboxPageSchema, `/retractions/${encodeURIComponent(id)}/mailboxes`, {
        query: {
          ...(filter.state ? { state: filter.state } : {}),
          ...(filter.limit ? { limit: String(filter.limit) } : {}),
        },
      }),

    /** A second administrator lets a retraction that waits for approval run. */
    approveRetraction: (id: string): Promise<Retraction> =>
      json(retractionSchema, `/retractions/${encodeURIComponent(id)}/approve`, { method: 'POST' }),

    /** Moves every copy back where it was: a retraction of its own (kind undo), returned as started. */
    undoRetraction: (id: string, reason?: string): Promise<Retraction> =>
      json(retractionSchema, `/retractions/${encodeURIComponent(id)}/undo`, {
        method: 'POST',
        body: reason ? { reason } : {},
      }),

    /**
     * Live progress of a retraction: each `progress` event's data is the retraction as
     * GET /retractions/{id} gives it. Ends with the server's `end` event, after a terminal status,
     * or when the server closes the stream.
     */
    async *retractionEvents(id: string, signal?: AbortSignal): AsyncGenerator<Retraction> {
      const response = await send(`/retractions/${encodeURIComponent(id)}/events`, {
        accept: 'text/event-stream',
        ...(signal ? { signal } : {}),
      });
      if (!response.body)
        throw new ApiError(response.status, 'unexpected_response', 'The event stream has no body');
      for await (const event of readServerSentEvents(response.body)) {
        if (event.event === 'end') return;
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          continue;
        }
        const parsed = retractionSchema.safeParse(data);
        if (!parsed.success) continue;
        yield parsed.data;
        if (TERMINAL_RETRACTION_STATUSES.has(parsed.data.status)) return;
      }
    },
  };
}
