// Injected failures other than throttling: 503/504 with Graph's error envelope, dropped
// connections, an application access policy scoping the app to some mailboxes, and latency.
// Raw HTTPS throughout: the Graph SDK would retry 503/504 and hide what the sandbox answered.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearFaults, rawGraph, readStats, setFaults } from '../../helpers/faults.js';
import { graphToken } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let token: string;

type ErrorBody = { error: { code: string; message: string; innerError: Record<string, string> } };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await graphToken(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => clearFaults(sandbox));

const events = (mailbox: string) => rawGraph<ErrorBody>(sandbox, token, `/users/${mailbox}/events?$top=1`);
const RAOP =
  'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.';

describe('errorRate', () => {
  it('answers 503 ServiceUnavailable (with Retry-After) or 504 GatewayTimeout in Graph’s envelope', async () => {
    await setFaults(sandbox, { errorRate: 1 });
    const responses = await Promise.all(Array.from({ length: 10 }, () => events('alice@contoso.com')));
    for (const response of responses) {
      expect([503, 504]).toContain(response.status);
      expect(response.body.error).toMatchObject({
        code: response.status === 503 ? 'ServiceUnavailable' : 'GatewayTimeout',
        message: expect.any(String),
        innerError: { 'request-id': response.headers.get('request-id'), date: expect.any(String) },
      });
      if (response.status === 503) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect((await readStats(sandbox)).injectedErrors).toBe(10);
  });

  it('stops when the faults are cleared', async () => {
    await setFaults(sandbox, { errorRate: 1 });
    expect((await events('alice@contoso.com')).status).toBeGreaterThanOrEqual(503);
    await clearFaults(sandbox);
    expect((await events('alice@contoso.com')).status).toBe(200);
  });
});

describe('dropRate', () => {
  it('drops the connection without an answer, and counts it', async () => {
    await setFaults(sandbox, { dropRate: 1 });
    await expect(events('alice@contoso.com')).rejects.toThrow();
    // The control plane is not Graph: it still answers.
    const stats = await readStats(sandbox);
    expect(stats.droppedConnections).toBeGreaterThanOrEqual(1);
    expect(stats.droppedConnections).toBe(stats.graphRequests);
  });
});

describe('application access policy (accessScope)', () => {
  it('denies mailboxes outside the scope with the RAOP 403 and serves those inside', async () => {
    await setFaults(sandbox, { accessScope: ['alice@contoso.com'] });
    const bob = await events('bob@contoso.com');
    expect(bob.status).toBe(403);
    expect(bob.body.error).toMatchObject({ code: 'ErrorAccessDenied', message: RAOP });
    expect((await events('alice@contoso.com')).status).toBe(200);
  });

  it('matches the scope by object id as well as by address', async () => {
    await setFaults(sandbox, { accessScope: ['alice@contoso.com'] });
    const alice = sandbox.context.tenant.findUser('alice@contoso.com')!;
    expect((await events(alice.id)).status).toBe(200);
    const bob = sandbox.context.tenant.findUser('bob@contoso.com')!;
    expect((await events(bob.id)).status).toBe(403);
  });
});

describe('latencyMs', () => {
  it('holds each Graph request at least that long, and not the control plane', async () => {
    await setFaults(sandbox, { latencyMs: 1000 });
    const order: string[] = [];
    const started = performance.now();
    const graph = events('alice@contoso.com').then((r) => {
      order.push('graph');
      return r;
    });
    const control = readStats(sandbox).then(() => order.push('control'));
    const [response] = await Promise.all([graph, control]);
    expect(response.status).toBe(200);
    // A lower bound only: timers may fire a millisecond early, never much earlier.
    expect(performance.now() - started).toBeGreaterThanOrEqual(995);
    expect(order).toEqual(['control', 'graph']);
  });
});
