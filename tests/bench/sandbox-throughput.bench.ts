// Sandbox throughput: how many simple Graph requests per second the emulator answers when
// nothing is injected and Exchange's limits are raised out of the way, next to the floor of the
// same HTTPS server answering a trivial control endpoint. Goal: 3,000 Graph requests/s.
import { Agent, request } from 'node:https';
import { cpus, loadavg } from 'node:os';
import { closedLoop, type Benchmark, type LoadResult } from './benchmark.js';
import { startSandboxProcess } from './sandbox-process.js';

const MAILBOXES = 50;
const CONCURRENCY = 64;
const DURATION_MS = 5000;
const WARMUP_MS = 1000;
const GOAL = 3000;

interface AppDescription {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authority: string;
}

export const benchmark: Benchmark = {
  name: 'sandbox-throughput',
  description:
    `GET /v1.0/users/{id}/messages?$top=1 (then events) over ${MAILBOXES} mailboxes with 20 messages ` +
    `each, ${CONCURRENCY} concurrent keep-alive HTTPS connections (node:https agent) for ` +
    `${DURATION_MS / 1000} s each, sandbox in its own process, no latency, throttling limits raised; ` +
    'baseline: GET /_sandbox/faults under the same load; last, the messages load through fetch ' +
    '(undici), whose client-side cost dominates on a 2-core machine.',
  async run({ dataDir }) {
    const host = await startHost(dataDir);
    try {
      const control = (path: string, init?: RequestInit) =>
        fetch(`${host.url}/_sandbox${path}`, init).then((r) => r.json());
      await control('/faults', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ throttle: { concurrency: 100_000, requestsPer10Minutes: 1_000_000_000 } }),
      });
      const token = await appToken((await control('/app')) as AppDescription);
      const mailboxes = host.mailboxes.slice(0, MAILBOXES);
      if (mailboxes.length < MAILBOXES) throw new Error(`only ${mailboxes.length} mailboxes in the tenant`);
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const authorization = `Bearer ${token}`;
      const mailbox = (worker: number, n: number) => mailboxes[(worker + n) % MAILBOXES];
      const messages = (worker: number, n: number) =>
        `${host.url}/v1.0/users/${mailbox(worker, n)}/messages?$top=1`;
      const events = (worker: number, n: number) =>
        `${host.url}/v1.0/users/${mailbox(worker, n)}/events?$top=1`;
      const viaAgent = (url: typeof messages) => (worker: number, n: number) =>
        get(agent, url(worker, n), { authorization });
      const viaFetch = (url: typeof messages) => (worker: number, n: number) =>
        fetch(url(worker, n), { headers: { authorization } }).then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        });
      const floor = () => get(agent, `${host.url}/_sandbox/faults`, {});
      const load = { concurrency: CONCURRENCY, durationMs: DURATION_MS };
      // Other work on the machine skews every number; the load average says how much there was.
      const loadBefore = loadavg()[0]!;
      await closedLoop('warm-up', { concurrency: CONCURRENCY, durationMs: WARMUP_MS }, viaAgent(messages));
      const workloads: LoadResult[] = [
        await closedLoop('graph: GET /users/{id}/messages?$top=1', load, viaAgent(messages)),
        await closedLoop('graph: GET /users/{id}/events?$top=1', load, viaAgent(events)),
        await closedLoop('floor: GET /_sandbox/faults', load, floor),
        await closedLoop(
          'graph: GET /users/{id}/messages?$top=1 through fetch (undici)',
          load,
          viaFetch(messages),
        ),
      ];
      const stats = (await control('/stats')) as { throttled: number; maxConcurrency: number };
      return {
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model,
          node: process.version,
          loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) },
        },
        goal: {
          requestsPerSecond: GOAL,
          met: {
            messages: workloads[0]!.requestsPerSecond >= GOAL,
            events: workloads[1]!.requestsPerSecond >= GOAL,
          },
        },
        workloads,
        sandboxStats: { throttled: stats.throttled, maxConcurrency: stats.maxConcurrency },
      };
    } finally {
      await host.stop();
    }
  },
  summary(result) {
    const [graph, events, floor, viaFetch] = result.workloads as LoadResult[];
    const line = (w: LoadResult) =>
      `${w.requestsPerSecond} req/s (p50 ${w.latencyMs.p50} ms, p99 ${w.latencyMs.p99} ms, ${w.failures} failed)`;
    const met = (result.goal as { met: Record<string, boolean> }).met;
    return (
      `messages ${line(graph!)}; events ${line(events!)}; floor ${line(floor!)}; ` +
      `messages via fetch ${line(viaFetch!)}; ` +
      `goal ${GOAL} req/s: ${Object.entries(met)
        .map(([w, ok]) => `${w} ${ok ? 'met' : 'NOT met'}`)
        .join(', ')}`
    );
  },
};

/** A GET on a keep-alive agent, body read to the end; answers the status. */
function get(agent: Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function appToken(app: AppDescription): Promise<string> {
  const response = await fetch(`${app.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

function startHost(dataDir: string) {
  return startSandboxProcess({ dataDir, users: MAILBOXES + 10 });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
