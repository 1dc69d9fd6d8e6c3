// Exchange's per app, per mailbox throttling as the sandbox enforces it, asserted on raw responses
// and on GET /_sandbox/stats. Raw HTTPS (no Graph SDK) wherever a test needs to see a 429 itself:
// the SDK's RetryHandler would retry it away. Latency is generous (1 s) so that concurrent requests
// overlap on any machine; no assertion depends on how fast the machine is.
import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearFaults, rawGraph, readStats, setFaults, type RawResponse } from '../../helpers/faults.js';
import { graphClient, graphToken } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let token: string;
let client: Client;

type ErrorBody = { error: { code: string; message: string; innerError: Record<string, string> } };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await graphToken(sandbox);
  client = graphClient(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => clearFaults(sandbox));

const events = (mailbox: string) => rawGraph<ErrorBody>(sandbox, token, `/users/${mailbox}/events?$top=1`);
const statuses = (responses: RawResponse[]) => responses.map((r) => r.status);

describe('MailboxConcurrency: four requests in flight per app and mailbox', () => {
  it('answers the fifth concurrent request to one mailbox 429 ApplicationThrottled with Retry-After', async () => {
    await setFaults(sandbox, { latencyMs: 1000 });
    const responses = await Promise.all(Array.from({ length: 8 }, () => events('user0001@contoso.com')));
    const throttled = responses.filter((r) => r.status === 429);
    expect(statuses(responses).filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(throttled.length + statuses(responses).filter((s) => s === 200).length).toBe(8);
    for (const response of throttled) {
      expect(response.body.error).toMatchObject({
        code: 'ApplicationThrottled',
        message: 'Application is over its MailboxConcurrency limit.',
        innerError: { 'request-id': expect.any(String), date: expect.any(String) },
      });
      expect(response.headers.get('retry-after')).toBe('1');
    }
    const stats = await readStats(sandbox);
    expect(stats.throttled).toBe(throttled.length);
    expect(stats.maxConcurrencyByMailbox['user0001@contoso.com']).toBe(4);
  });

  it('lets the same load through when it is spread over five mailboxes', async () => {
    await setFaults(sandbox, { latencyMs: 1000 });
    const mailboxes = ['user0002', 'user0003', 'user0004', 'user0005', 'user0006'].map(
      (u) => `${u}@contoso.com`,
    );
    const responses = await Promise.all(mailboxes.flatMap((m) => [events(m), events(m)]));
    expect(statuses(responses)).toEqual(Array(10).fill(200));
    const stats = await readStats(sandbox);
    expect(stats.throttled).toBe(0);
    for (const mailbox of mailboxes) expect(stats.maxConcurrencyByMailbox[mailbox]).toBeLessThanOrEqual(2);
  });

  it('counts calendarView, messages and events against the same four slots', async () => {
    await setFaults(sandbox, { latencyMs: 1000 });
    const mailbox = '/users/user0007@contoso.com';
    const view = () =>
      rawGraph<ErrorBody>(
        sandbox,
        token,
        `${mailbox}/calendarView?startDateTime=2030-01-01T00:00:00Z&endDateTime=2030-01-02T00:00:00Z`,
      );
    const messages = () => rawGraph<ErrorBody>(sandbox, token, `${mailbox}/messages?$top=1`);
    const responses = await Promise.all([
      view(),
      view(),
      messages(),
      messages(),
      events('user0007@contoso.com'),
    ]);
    expect(statuses(responses).filter((s) => s === 429)).toHaveLength(1);
    expect(statuses(responses).filter((s) => s === 200)).toHaveLength(4);
    expect((await readStats(sandbox)).maxConcurrency).toBe(4);
  });
});

describe('MailboxRequests: requests per ten minutes per app and mailbox', () => {
  it('answers the request past the limit 429 and leaves other mailboxes alone', async () => {
    await setFaults(sandbox, { throttle: { requestsPer10Minutes: 5 } });
    const responses: RawResponse<ErrorBody>[] = [];
    for (let i = 0; i < 6; i += 1) responses.push(await events('user0008@contoso.com'));
    expect(statuses(responses)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(responses[5]!.body.error).toMatchObject({
      code: 'ApplicationThrottled',
      message: 'Application is over its MailboxRequests limit.',
    });
    expect(responses[5]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await events('user0009@contoso.com')).status).toBe(200);
  });
});

describe('throttling storm (throttleRate)', () => {
  it('answers every mailbox request 429 and leaves directory requests alone', async () => {
    await setFaults(sandbox, { throttleRate: 1 });
    const mailbox = await Promise.all([
      events('alice@contoso.com'),
      rawGraph(
        sandbox,
        token,
        '/users/bob@contoso.com/calendarView?startDateTime=2030-01-01T00:00:00Z&endDateTime=2030-01-02T00:00:00Z',
      ),
    ]);
    expect(statuses(mailbox)).toEqual([429, 429]);
    const directory = await rawGraph(sandbox, token, '/users?$top=1');
    expect(directory.status).toBe(200);
    expect((await readStats(sandbox)).throttled).toBe(2);
  });

  it.each([
    ['integer', /^\d+$/],
    ['fractional', /^\d+\.\d+$/],
  ] as const)('shapes Retry-After as %s', async (style, shape) => {
    await setFaults(sandbox, { throttleRate: 1, retryAfter: style, retryAfterSeconds: 2 });
    const response = await events('alice@contoso.com');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(shape);
  });

  it('can leave Retry-After out, as some Graph services do', async () => {
    await setFaults(sandbox, { throttleRate: 1, retryAfter: 'absent' });
    const response = await events('alice@contoso.com');
    expect(response.status).toBe(429);
    expect(response.headers.has('retry-after')).toBe(false);
  });
});

describe('the Graph SDK against throttling', () => {
  it('surfaces the 429 as a GraphError when its RetryHandler is turned off', async () => {
    await setFaults(sandbox, { throttleRate: 1 });
    await expect(
      client
        .api('/users/alice@contoso.com/events')
        .middlewareOptions([new RetryHandlerOptions(0, 0)])
        .get(),
    ).rejects.toMatchObject({ statusCode: 429, code: 'ApplicationThrottled' });
    expect((await readStats(sandbox)).byEndpoint['GET /v1.0/users/:userId/events']).toBe(1);
  });

  it('retries 429s itself, honouring Retry-After, until its retries run out', async () => {
    await setFaults(sandbox, { throttleRate: 1, retryAfterSeconds: 0 });
    await expect(
      client
        .api('/users/alice@contoso.com/events')
        .middlewareOptions([new RetryHandlerOptions(0, 2)])
        .get(),
    ).rejects.toMatchObject({ statusCode: 429 });
    // One request and two retries reached the sandbox.
    expect((await readStats(sandbox)).byEndpoint['GET /v1.0/users/:userId/events']).toBe(3);
  });
});
