// The add-in's API client: bearer tokens, RFC 9457 problems as typed errors, contract checks on
// responses, no silent retries, and retraction progress over server-sent events.
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../addin/src/api/client.js';
import { ApiError } from '../../../addin/src/api/problem.js';
import { reportCreated, retraction } from './fixtures.js';
import type { TokenProvider } from '../../../addin/src/auth/token-provider.js';

const tokens = () =>
  ({
    kind: 'sandbox' as const,
    getToken: vi.fn(async () => 'token-1'),
    invalidate: vi.fn(),
  }) satisfies TokenProvider;

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const problem = (status: number, code: string, detail?: string, errors?: unknown[]) =>
  json(
    status,
    { type: `https://clawback.dev/problems/${code}`, title: 'Title', status, code, detail, errors },
    'application/problem+json',
  );

function client(
  respond: (url: string, init: RequestInit) => Response | Promise<Response>,
  provider = tokens(),
) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    respond(String(input), init ?? {}),
  );
  return {
    api: createApiClient({ tokens: provider, fetch: fetch as typeof globalThis.fetch }),
    fetch,
    provider,
  };
}

describe('API client', () => {
  it('sends the bearer token and JSON body to /api/v1', async () => {
    const { api, fetch } = client(() => json(201, reportCreated()));
    const created = await api.createReport({ itemId: 'AAMk', category: 'phishing', comment: 'looks fake' });
    expect(created).toEqual(reportCreated());
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/reports');
    expect(init).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer token-1', 'content-type': 'application/json' },
    });
    expect(JSON.parse(String(init?.body))).toEqual({
      itemId: 'AAMk',
      category: 'phishing',
      comment: 'looks fake',
    });
  });

  it("asks for the caller's own reports with ?mine=true", async () => {
    const { api, fetch } = client(() => json(200, { items: [], nextCursor: null }));
    expect(await api.listMyReports()).toEqual({ items: [], nextCursor: null });
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/reports?mine=true');
  });

  it('turns a problem document into an ApiError with code, status, detail and field errors', async () => {
    const { api } = client(() =>
      problem(400, 'validation_failed', 'body.category: Invalid option', [
        { path: 'body.category', message: 'Invalid option' },
      ]),
    );
    const error = await api.createReport({ itemId: 'x', category: 'junk' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: 'body.category: Invalid option',
      errors: [{ path: 'body.category', message: 'Invalid option' }],
    });
  });

  it('recognises a route that has not landed yet', async () => {
    const { api } = client(() => problem(404, 'not_found', 'Route GET:/api/v1/reports not found'));
    const error = (await api.listMyReports().catch((e: unknown) => e)) as ApiError;
    expect(error.isRouteMissing).toBe(true);
    const missingMessage = new ApiError(404, 'message_not_found', 'Not found');
    expect(missingMessage.isRouteMissing).toBe(false);
  });

  it('gives an http_error for an error page that is not a problem document', async () => {
    const { api } = client(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(api.me()).rejects.toMatchObject({ status: 502, code: 'http_error', title: 'Bad Gateway' });
  });

  it('gives a network_error when fetch itself fails', async () => {
    const { api } = client(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.me()).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
      detail: 'Failed to fetch',
    });
  });

  it('forgets a refused token but does not retry on its own', async () => {
    const { api, fetch, provider } = client(() =>
      problem(401, 'invalid_token', '"exp" claim timestamp check failed'),
    );
    await expect(api.me()).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    expect(fetch).toHaveBeenCalledOnce();
    expect(provider.invalidate).toHaveBeenCalledOnce();
  });

  it('refuses a success body that breaks the contract', async () => {
    const { api } = client(() => json(202, { ...retraction('running', 0), status: 'sleeping' }));
    await expect(
      api.createRetraction({ internetMessageId: '<a@b>', action: 'moveToJunk' }),
    ).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });

  it('streams retraction progress until a terminal status', async () => {
    const snapshot = (status: 'running' | 'completed', done: number) =>
      JSON.stringify(retraction(status, done, 4));
    const body = [
      ': connected\n\n',
      `event: progress\ndata: ${snapshot('running', 1)}\n\n`,
      `event: progress\ndata: ${snapshot('running', 3).slice(0, 20)}`,
      `${snapshot('running', 3).slice(20)}\n\n`,
      'data: not json\n\n',
      `event: progress\ndata: ${snapshot('completed', 4)}\n\n`,
      `event: progress\ndata: ${snapshot('completed', 4)}\n\n`,
    ];
    // The server's own `end` event also ends the stream, even before a terminal status is seen.
    const ended = client(
      () =>
        new Response(
          `event: progress\ndata: ${snapshot('running', 1)}\n\nevent: end\ndata: {"status":"cancelled"}\n\n`,
        ),
    );
    const beforeEnd: string[] = [];
    for await (const r of ended.api.retractionEvents('x1')) beforeEnd.push(r.status);
    expect(beforeEnd).toEqual(['running']);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of body) controller.enqueue(encoder.encode(part));
        controller.close();
      },
    });
    const { api, fetch } = client(
      () => new Response(stream, { headers: { 'content-type': 'text/event-stream' } }),
    );
    const seen: string[] = [];
    for await (const r of api.retractionEvents('x1')) seen.push(`${r.status}:${r.counts.done}`);
    expect(seen).toEqual(['running:1', 'running:3', 'completed:4']);
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/retractions/x1/events');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ headers: { accept: 'text/event-stream' } });
  });

  it("finds a message's retractions and reads a retraction's mailboxes by state", async () => {
    const { api, fetch } = client(() => json(200, { items: [], nextCursor: null }));
    await api.listRetractionsOf('<a+b@example.com>');
    await api.retractionMailboxes('r 1', { state: 'failed', limit: 500 });
    const urls = fetch.mock.calls.map(([url]) => new URL(String(url), 'https://x'));
    expect(urls[0]!.pathname).toBe('/api/v1/retractions');
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({
      internetMessageId: '<a+b@example.com>',
      limit: '20',
    });
    expect(urls[1]!.pathname).toBe('/api/v1/retractions/r%201/mailboxes');
    expect(Object.fromEntries(urls[1]!.searchParams)).toEqual({ state: 'failed', limit: '500' });
  });

  it('approves and undoes with POSTs, and says why the API refused', async () => {
    const { api, fetch } = client((url) =>
      url.endsWith('/approve')
        ? problem(403, 'forbidden', 'the requester cannot approve their own retraction')
        : json(202, retraction('running', 0, 3, { kind: 'undo', undoOf: 'x1' })),
    );
    const undo = await api.undoRetraction('x1');
    expect(undo).toMatchObject({ kind: 'undo', undoOf: 'x1' });
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/retractions/x1/undo');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'POST', body: '{}' });
    const refused = await api.approveRetraction('x1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      status: 403,
      detail: 'the requester cannot approve their own retraction',
    });
    expect(fetch.mock.calls[1]![1]).toMatchObject({ method: 'POST' });
  });
});
