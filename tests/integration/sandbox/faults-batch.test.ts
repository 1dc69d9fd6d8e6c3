// Faults inside JSON batches: each inner request is throttled and failed on its own, the batch
// itself still answers 200, and Graph never runs more than four of a batch's requests at once.
// Raw HTTPS for the batch envelope; one test goes through the SDK to show its RetryHandler leaves
// inner 429s to the caller.
import { BatchRequestContent, BatchResponseContent, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearFaults, rawGraph, readStats, setFaults } from '../../helpers/faults.js';
import { graphClient, graphToken } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let token: string;
let client: Client;

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { error?: { code: string; message: string } };
}
type BatchBody = { responses: InnerResponse[] };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await graphToken(sandbox);
  client = graphClient(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => clearFaults(sandbox));

function twentyGets(mailbox: string, prefix = '', resource = 'events') {
  return Array.from({ length: 20 }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    method: 'GET',
    url: `/users/${mailbox}/${resource}?$top=1`,
  }));
}

async function batch(requests: unknown[]) {
  const response = await rawGraph<BatchBody>(sandbox, token, '/$batch', { body: { requests } });
  expect(response.status).toBe(200);
  expect(response.body.responses.map((r) => r.id).sort()).toEqual(
    requests.map((r) => (r as { id: string }).id).sort(),
  );
  return response.body.responses;
}

describe('one mailbox, twenty requests', () => {
  it('runs a lone batch four at a time: no 429, and exactly four in flight', async () => {
    await setFaults(sandbox, { latencyMs: 300 });
    const responses = await batch(twentyGets('user0011@contoso.com'));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const stats = await readStats(sandbox);
    expect(stats.maxConcurrencyByMailbox['user0011@contoso.com']).toBe(4);
    expect(stats.throttled).toBe(0);
  });

  it('throttles inner requests one by one when two batches share the mailbox (events, messages)', async () => {
    await setFaults(sandbox, { latencyMs: 400 });
    const [first, second] = await Promise.all([
      batch(twentyGets('user0012@contoso.com', 'a')),
      batch(twentyGets('user0012@contoso.com', 'b', 'messages')),
    ]);
    const all = [...first, ...second];
    const throttled = all.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(all.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(throttled.length + all.filter((r) => r.status === 200).length).toBe(40);
    for (const inner of throttled) {
      expect(inner.headers['Retry-After']).toBe('1');
      expect(inner.body!.error).toMatchObject({
        code: 'ApplicationThrottled',
        message: 'Application is over its MailboxConcurrency limit.',
      });
    }
    const stats = await readStats(sandbox);
    expect(stats.throttled).toBe(throttled.length);
    expect(stats.maxConcurrencyByMailbox['user0012@contoso.com']).toBeLessThanOrEqual(4);
    expect(stats.batchRequests).toBe(2);
  });
});

describe('injected faults inside a batch', () => {
  it('fails inner requests with 503/504 envelopes while the batch answers 200', async () => {
    await setFaults(sandbox, { errorRate: 1 });
    const responses = await batch(twentyGets('alice@contoso.com').slice(0, 5));
    for (const inner of responses) {
      expect([503, 504]).toContain(inner.status);
      expect(inner.body!.error!.code).toBe(inner.status === 503 ? 'ServiceUnavailable' : 'GatewayTimeout');
    }
    expect((await readStats(sandbox)).injectedErrors).toBe(5);
  });

  it('turns a dropped inner connection into an inner 504', async () => {
    await setFaults(sandbox, { dropRate: 1 });
    const responses = await batch(twentyGets('alice@contoso.com').slice(0, 3));
    expect(responses.map((r) => r.status)).toEqual([504, 504, 504]);
    expect(responses[0]!.body!.error!.code).toBe('GatewayTimeout');
    expect((await readStats(sandbox)).droppedConnections).toBe(3);
  });

  it('keeps the Retry-After style inside inner 429s, absent included', async () => {
    await setFaults(sandbox, { throttleRate: 1, retryAfter: 'fractional' });
    const fractional = await batch(twentyGets('alice@contoso.com').slice(0, 2));
    for (const inner of fractional) expect(inner.headers['Retry-After']).toMatch(/^\d+\.\d+$/);
    await setFaults(sandbox, { retryAfter: 'absent' });
    const absent = await batch(twentyGets('alice@contoso.com').slice(0, 2));
    for (const inner of absent) {
      expect(inner.status).toBe(429);
      expect(inner.headers).not.toHaveProperty('Retry-After');
    }
  });

  it('applies the access policy per inner request', async () => {
    await setFaults(sandbox, { accessScope: ['alice@contoso.com'] });
    const responses = await batch([
      { id: 'alice', method: 'GET', url: '/users/alice@contoso.com/events?$top=1' },
      { id: 'bob', method: 'GET', url: '/users/bob@contoso.com/events?$top=1' },
    ]);
    const byId = new Map(responses.map((r) => [r.id, r]));
    expect(byId.get('alice')!.status).toBe(200);
    expect(byId.get('bob')).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
  });

  it('leaves inner 429s to the caller when sent through the Graph SDK', async () => {
    await setFaults(sandbox, { throttleRate: 1 });
    const content = new BatchRequestContent(
      ['1', '2', '3'].map((id) => ({
        id,
        request: new Request(`${sandbox.url}/users/alice@contoso.com/events?$top=1`),
      })),
    );
    const response = new BatchResponseContent(await client.api('/$batch').post(await content.getContent()));
    for (const [, inner] of response.getResponses()) expect(inner.status).toBe(429);
    const stats = await readStats(sandbox);
    expect(stats.batchRequests).toBe(1);
    expect(stats.byEndpoint['GET /v1.0/users/:userId/events']).toBe(3);
  });
});
