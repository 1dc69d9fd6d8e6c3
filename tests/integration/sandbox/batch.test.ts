// Contract: JSON batching — the real Graph SDK's BatchRequestContent/BatchResponseContent round trip,
// per-request statuses, dependsOn and 424, each inner request's own headers, and the payload rules
// that make the whole batch a 400.
import { BatchRequestContent, BatchResponseContent, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearFaults, rawGraph, readStats } from '../../helpers/faults.js';
import { graphClient, graphToken } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let client: Client;
let token: string;

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { value?: unknown[]; error?: { code: string; message: string }; '@odata.nextLink'?: string };
}
type BatchBody = { responses: InnerResponse[]; error?: { code: string; message: string } };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = graphClient(sandbox);
  token = await graphToken(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => clearFaults(sandbox));

const get = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'GET',
  url,
  ...extra,
});
const WINDOW = 'startDateTime=2032-01-01T00:00:00Z&endDateTime=2032-01-08T00:00:00Z';

function batch(requests: unknown[], headers: Record<string, string> = {}) {
  return rawGraph<BatchBody>(sandbox, token, '/$batch', { body: { requests }, headers });
}

function byId(body: BatchBody): Map<string, InnerResponse> {
  return new Map(body.responses.map((r) => [r.id, r]));
}

describe('with the Graph SDK', () => {
  it('round-trips BatchRequestContent and BatchResponseContent', async () => {
    // Graph SDK 3.0.7 strips scheme and host but not the version: the Request URL names none.
    const url = (path: string) => `${sandbox.url}${path}`;
    const content = new BatchRequestContent([
      { id: '1', request: new Request(url('/users/alice@contoso.com/events?$top=1')) },
      { id: '2', request: new Request(url('/users/alice@contoso.com/calendarView')) },
      {
        id: '3',
        request: new Request(url('/users/alice@contoso.com/events'), {
          method: 'POST',
          body: JSON.stringify({ subject: 'x' }),
          headers: { 'Content-Type': 'application/json' },
        }),
      },
    ]);
    const response = new BatchResponseContent(await client.api('/$batch').post(await content.getContent()));
    const first = response.getResponseById('1');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json;odata\.metadata=minimal/);
    expect(await first.json()).toMatchObject({ value: expect.any(Array) });
    const second = response.getResponseById('2');
    expect(second.status).toBe(400);
    expect((await second.json()).error.code).toBe('ErrorInvalidParameter');
    const third = response.getResponseById('3');
    expect(third.status).toBe(405);
    expect([...response.getResponses().keys()].sort()).toEqual(['1', '2', '3']);
  });
});

describe('responses', () => {
  it('answer every id exactly once, with Graph-cased inner headers and no transport headers', async () => {
    const requests = Array.from({ length: 20 }, (_, i) =>
      get(`r${i}`, `/users/user00${String(10 + (i % 5))}@contoso.com/events?$top=1`),
    );
    const response = await batch(requests);
    expect(response.status).toBe(200);
    expect(response.body.responses.map((r) => r.id).sort()).toEqual(requests.map((r) => r.id).sort());
    for (const inner of response.body.responses) {
      expect(inner.status).toBe(200);
      expect(inner.headers['Content-Type']).toMatch(/^application\/json/);
      expect(inner.headers).not.toHaveProperty('request-id');
    }
    expect((await readStats(sandbox)).batchRequests).toBe(1);
  });

  it('give each inner request its own headers; the outer Prefer does not reach them', async () => {
    const owner = 'user0016@contoso.com';
    for (const day of ['02', '03'])
      await sandbox.control.post('/events', {
        organizer: owner,
        subject: `Planning ${day}`,
        start: `2032-01-${day}T09:00:00Z`,
        end: `2032-01-${day}T10:00:00Z`,
      });
    const path = `/users/${owner}/calendarView/delta?${WINDOW}`;
    const response = await batch(
      [get('own', path, { headers: { Prefer: 'odata.maxpagesize=1' } }), get('outer', path)],
      { Prefer: 'odata.maxpagesize=1' },
    );
    const answers = byId(response.body);
    expect(answers.get('own')!.body!.value).toHaveLength(1);
    expect(answers.get('own')!.headers['Preference-Applied']).toBe('odata.maxpagesize=1');
    expect(answers.get('outer')!.body!.value).toHaveLength(2);
    expect(answers.get('outer')!.headers).not.toHaveProperty('Preference-Applied');
  });

  it('carry inner failures as inner statuses while the batch answers 200', async () => {
    const response = await batch([
      get('missing', '/users/nobody@contoso.com/events'),
      get('unknown', '/users/alice@contoso.com/nothingHere'),
      get('fine', '/users/alice@contoso.com/events?$top=1'),
    ]);
    expect(response.status).toBe(200);
    const answers = byId(response.body);
    expect(answers.get('missing')).toMatchObject({
      status: 404,
      body: { error: { code: 'ErrorInvalidUser' } },
    });
    expect(answers.get('unknown')!.status).toBe(400);
    expect(answers.get('fine')!.status).toBe(200);
  });

  it('work on /beta/$batch with inner requests under beta', async () => {
    const response = await rawGraph<BatchBody>(sandbox, token, '/beta/$batch', {
      body: { requests: [get('1', '/users/alice@contoso.com/events?$top=1')] },
    });
    expect(response.status).toBe(200);
    expect(response.body.responses[0]!.status).toBe(200);
  });

  it('need the outer token: 401 without one', async () => {
    const response = await fetch(`${sandbox.url}/v1.0/$batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [get('1', '/users/alice@contoso.com/events')] }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('InvalidAuthenticationToken');
  });
});

describe('dependsOn', () => {
  it('answers 424 for requests whose dependency failed, transitively, and runs the rest', async () => {
    const response = await batch([
      get('1', '/users/alice@contoso.com/calendarView'),
      get('2', '/users/alice@contoso.com/events?$top=1', { dependsOn: ['1'] }),
      get('3', '/users/alice@contoso.com/events?$top=1', { dependsOn: ['2'] }),
      get('4', '/users/bob@contoso.com/events?$top=1'),
    ]);
    expect(response.status).toBe(200);
    const answers = byId(response.body);
    expect(answers.get('1')!.status).toBe(400);
    expect(answers.get('2')).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
    expect(answers.get('3')!.status).toBe(424);
    expect(answers.get('4')!.status).toBe(200);
    expect(response.body.responses).toHaveLength(4);
    // A 424 is decided without running the request.
    expect((await readStats(sandbox)).byEndpoint['GET /v1.0/users/:userId/events']).toBe(1);
  });

  it('runs a dependent request after its dependency succeeded', async () => {
    const response = await batch([
      get('a', '/users/alice@contoso.com/events?$top=1', { dependsOn: ['b'] }),
      get('b', '/users/alice@contoso.com/events?$top=1'),
    ]);
    expect(response.body.responses.map((r) => [r.id, r.status])).toEqual([
      ['b', 200],
      ['a', 200],
    ]);
  });
});

describe('a malformed batch is a 400', () => {
  const alice = '/users/alice@contoso.com/events?$top=1';
  const cases: [string, unknown[]][] = [
    ['more than 20 requests', Array.from({ length: 21 }, (_, i) => get(String(i), alice))],
    ['ids that differ only in case', [get('a', alice), get('A', alice)]],
    [
      'a body without a Content-Type header',
      [{ id: '1', method: 'POST', url: alice, body: { subject: 'x' } }],
    ],
    [
      'a nested $batch',
      [
        {
          id: '1',
          method: 'POST',
          url: '/$batch',
          body: { requests: [] },
          headers: { 'Content-Type': 'application/json' },
        },
      ],
    ],
    ['a missing id', [{ method: 'GET', url: alice }]],
    ['a missing url', [{ id: '1', method: 'GET' }]],
    ['an unknown method', [{ id: '1', method: 'FETCH', url: alice }]],
    ['an absolute url', [get('1', `https://graph.microsoft.com/v1.0${alice}`)]],
    ['a dependency not in the batch', [get('1', alice, { dependsOn: ['9'] })]],
    ['a dependency cycle', [get('1', alice, { dependsOn: ['2'] }), get('2', alice, { dependsOn: ['1'] })]],
    ['no requests at all', []],
  ];
  it.each(cases)('%s', async (_name, requests) => {
    const response = await batch(requests);
    expect(response.status).toBe(400);
    expect(response.body.error!.code).toBe('BadRequest');
    expect((await readStats(sandbox)).byEndpoint['GET /v1.0/users/:userId/events']).toBeUndefined();
  });

  it('names the payload format when the body is not a batch', async () => {
    const response = await rawGraph<BatchBody>(sandbox, token, '/$batch', { body: { request: [] } });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'BadRequest',
      message: 'Invalid batch payload format.',
    });
  });
});
