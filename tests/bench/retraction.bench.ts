// Retract one message from 10,000 mailboxes through the whole engine (API, jobs, database, batch
// executor) against a sandbox with 100 ms Graph latency and Exchange's per-mailbox limits, compared
// in the same run with (a) a sequential Graph SDK loop and (b) SDK batches of 20 sent one at a time
// (both measured on a sample and scaled linearly: run in full they would take about half an hour and
// eight minutes). Then again with 10 % injected 429s, and verdict → last copy retracted for 1,000.
import { Agent, request } from 'node:https';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { BatchRequestContent, Client } from '@microsoft/microsoft-graph-client';
import Fastify, { type FastifyInstance } from 'fastify';
import app from '../../api/src/app.js';
import { loadConfig, type SandboxAppDescription } from '../../api/src/config/load.js';
import { serverOptions } from '../../api/src/server-options.js';
import { closedLoop, type Benchmark } from './benchmark.js';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process.js';

const MAILBOXES = Number(process.env.BENCH_RETRACTION_MAILBOXES ?? 10_000);
const LATENCY_MS = 100;
const SEQUENTIAL_SAMPLE = 40;
const BATCH_SAMPLE = 400;

interface Stats {
  graphRequests: number;
  throttled: number;
  batchRequests: number;
}

export const benchmark: Benchmark = {
  name: 'retraction',
  description: `Retract one message from ${MAILBOXES} mailboxes at ${LATENCY_MS} ms Graph latency with Exchange's limits (4 concurrent and 10,000 per 10 minutes per mailbox)`,
  async run({ dataDir }) {
    const sandbox = await startSandboxProcess({ dataDir, users: MAILBOXES + 40, mailPerUser: 0 });
    const control = controlClient(sandbox.url);
    const description = await control<SandboxAppDescription>('GET', '/app');
    const api = await startApi(description);
    try {
      await onboard(api, control);
      const capacity = await sandboxCapacity(sandbox, control, description);
      await control('PUT', '/faults', { latencyMs: LATENCY_MS });
      const engine = await runEngine(api, control, 'moveToJunk', 0);
      const throttled = await runEngine(api, control, 'moveToDeletedItems', 0.1);
      const baselines = await runBaselines(sandbox, control, description);
      const verdict = await verdictToLastCopy(api, control);
      const bound = lowerBound(engine.mailboxes, capacity.requestsPerSecond);
      return {
        workload: {
          mailboxes: engine.mailboxes,
          latencyMs: LATENCY_MS,
          exchangeLimits: '4 concurrent, 10,000 per 10 minutes per mailbox',
        },
        engine,
        engineWith10PercentThrottling: throttled,
        baselines,
        sandboxCapacity: capacity,
        lowerBound: bound,
        ratios: {
          engineToLowerBound: round(engine.wallSeconds / bound.seconds),
          sequentialToEngine: round(baselines.sequential.projectedSeconds / engine.wallSeconds),
          oneBatchAtATimeToEngine: round(baselines.oneBatchAtATime.projectedSeconds / engine.wallSeconds),
        },
        verdictToLastCopy: verdict,
      };
    } finally {
      await api.close();
      await sandbox.stop();
    }
  },
  summary(result) {
    const r = result as {
      engine: { wallSeconds: number; graphRequests: number };
      ratios: Record<string, number>;
      verdictToLastCopy: { seconds: number };
    };
    return `engine ${r.engine.wallSeconds} s (${r.engine.graphRequests} Graph requests); ${r.ratios.sequentialToEngine}× sequential, ${r.ratios.oneBatchAtATimeToEngine}× one batch at a time, ${r.ratios.engineToLowerBound}× the bound; verdict → last copy ${r.verdictToLastCopy.seconds} s`;
  },
};

type Control = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

function controlClient(url: string): Control {
  return async (method, path, body) => {
    const response = await fetch(`${url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as never;
  };
}

async function startApi(description: SandboxAppDescription): Promise<FastifyInstance> {
  const config = loadConfig({ CLAWBACK_MODE: 'sandbox', LOG_LEVEL: 'warn' }, description);
  const fastify = Fastify(
    serverOptions({ ...config, databaseUrl: process.env.DATABASE_URL ?? 'memory://' }, { logger: false }),
  );
  await fastify.register(app, {
    config: { ...config, databaseUrl: process.env.DATABASE_URL ?? 'memory://' },
  });
  await fastify.ready();
  return fastify;
}

async function as(
  api: FastifyInstance,
  control: Control,
  user: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
) {
  const { access_token } = await control<{ access_token: string }>('POST', '/token', { user });
  return api.inject({
    method,
    url,
    payload: payload as never,
    headers: { authorization: `Bearer ${access_token}` },
  });
}

async function onboard(api: FastifyInstance, control: Control) {
  for (const domain of ['contoso.com', 'northwindtraders.com'])
    await as(api, control, 'ga@contoso.com', 'POST', `/api/v1/domains/${domain}/publish`);
  const started = Date.now();
  await as(api, control, 'admin@contoso.com', 'POST', '/api/v1/directory/sync');
  for (;;) {
    const status = (await as(api, control, 'reader@contoso.com', 'GET', '/api/v1/directory/status')).json();
    if (
      status.state !== 'syncing' &&
      status.phases.every(
        (p: { finishedAt: string | null }) => p.finishedAt && Date.parse(p.finishedAt) >= started,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const policy = (
    await as(api, control, 'admin@contoso.com', 'GET', '/api/v1/policies/auto-retraction')
  ).json().policy;
  await as(api, control, 'admin@contoso.com', 'PUT', '/api/v1/policies/auto-retraction', {
    ...policy,
    requireApproval: [],
    approvalMailboxThreshold: 1_000_000,
    actions: { ...policy.actions, MALICIOUS: 'moveToDeletedItems' },
  });
}

async function deliver(control: Control, to: string) {
  return control<{ internetMessageId: string; copies: { mailbox: string; id: string }[] }>(
    'POST',
    '/deliver',
    {
      from: { name: 'Payroll', address: 'payroll@fake-payroll.example' },
      to: [to],
      subject: `Benchmark ${Math.random().toString(36).slice(2)}`,
    },
  );
}

async function runEngine(api: FastifyInstance, control: Control, action: string, throttleRate: number) {
  const message = await deliver(control, 'all-staff@contoso.com');
  await control('PUT', '/faults', {
    latencyMs: LATENCY_MS,
    throttleRate,
    retryAfter: 'integer',
    retryAfterSeconds: 1,
  });
  await control('POST', '/stats/reset');
  const started = performance.now();
  const created = await as(api, control, 'admin@contoso.com', 'POST', '/api/v1/retractions', {
    internetMessageId: message.internetMessageId,
    action,
    scope: { allPublished: true },
  });
  const id = created.json().id as string;
  let view: {
    status: string;
    counts: Record<string, number>;
    createdAt: string;
    startedAt: string | null;
    completedAt: string | null;
  };
  for (;;) {
    view = (await as(api, control, 'admin@contoso.com', 'GET', `/api/v1/retractions/${id}`)).json();
    if (['completed', 'completedWithErrors', 'failed', 'cancelled'].includes(view.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const wallSeconds = round((performance.now() - started) / 1000);
  const stats = await control<Stats>('GET', '/stats');
  const copies = await control<{ folder: string }[]>(
    'GET',
    `/messages?internetMessageId=${encodeURIComponent(message.internetMessageId)}`,
  );
  await control('PUT', '/faults', { throttleRate: 0 });
  return {
    action,
    injected429Rate: throttleRate,
    mailboxes: message.copies.length,
    status: view.status,
    counts: view.counts,
    lost: copies.filter((c) => c.folder === 'inbox').length,
    wallSeconds,
    planSeconds: view.startedAt
      ? round((Date.parse(view.startedAt) - Date.parse(view.createdAt)) / 1000)
      : null,
    executeSeconds:
      view.startedAt && view.completedAt
        ? round((Date.parse(view.completedAt) - Date.parse(view.startedAt)) / 1000)
        : null,
    graphRequests: stats.graphRequests,
    batchRequests: stats.batchRequests,
    throttled429: stats.throttled,
  };
}

function msalFor(description: SandboxAppDescription) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: description.clientId,
      clientSecret: description.clientSecret,
      authority: description.authority,
      knownAuthorities: [new URL(description.authority).host],
    },
  });
}

async function sdkToken(description: SandboxAppDescription) {
  return (await msalFor(description).acquireTokenByClientCredential({
    scopes: ['https://graph.microsoft.com/.default'],
  }))!;
}

function sdkClient(description: SandboxAppDescription): Client {
  const msal = msalFor(description);
  return Client.initWithMiddleware({
    baseUrl: `${new URL(description.graphBaseUrl).origin}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(description.graphBaseUrl).hostname]),
    authProvider: {
      getAccessToken: async () =>
        (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!
          .accessToken,
    },
  });
}

async function runBaselines(sandbox: SandboxProcess, control: Control, description: SandboxAppDescription) {
  const client = sdkClient(description);
  const message = await deliver(control, 'all-staff@contoso.com');
  const filter = `internetMessageId eq '${message.internetMessageId.replace(/'/g, "''")}'`;
  // BatchRequestContent keeps everything after the host as the item url, so the version stays out.
  const origin = new URL(description.graphBaseUrl).origin;
  const mailboxes = sandbox.mailboxes.filter((m) => m.endsWith('@contoso.com'));

  const sequentialStarted = performance.now();
  for (const mailbox of mailboxes.slice(0, SEQUENTIAL_SAMPLE)) {
    const found = await client.api(`/users/${mailbox}/messages`).filter(filter).select('id').get();
    for (const copy of found.value as { id: string }[])
      await client.api(`/users/${mailbox}/messages/${copy.id}/move`).post({ destinationId: 'junkemail' });
  }
  const sequentialSeconds = (performance.now() - sequentialStarted) / 1000;

  const batchStarted = performance.now();
  const sample = mailboxes.slice(SEQUENTIAL_SAMPLE, SEQUENTIAL_SAMPLE + BATCH_SAMPLE);
  const found: { mailbox: string; id: string }[] = [];
  for (let i = 0; i < sample.length; i += 20) {
    const content = new BatchRequestContent(
      sample.slice(i, i + 20).map((mailbox, n) => ({
        id: String(n),
        request: new Request(
          `${origin}/users/${mailbox}/messages?$filter=${encodeURIComponent(filter)}&$select=id`,
          { method: 'GET' },
        ),
      })),
    );
    const response = await client.api('/$batch').post(await content.getContent());
    for (const item of response.responses as { id: string; body: { value: { id: string }[] } }[])
      for (const copy of item.body?.value ?? [])
        found.push({ mailbox: sample[i + Number(item.id)]!, id: copy.id });
  }
  for (let i = 0; i < found.length; i += 20) {
    const content = new BatchRequestContent(
      found.slice(i, i + 20).map((copy, n) => ({
        id: String(n),
        request: new Request(`${origin}/users/${copy.mailbox}/messages/${copy.id}/move`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ destinationId: 'junkemail' }),
        }),
      })),
    );
    await client.api('/$batch').post(await content.getContent());
  }
  const batchSeconds = (performance.now() - batchStarted) / 1000;
  if (found.length < sample.length)
    throw new Error(`the batch baseline found ${found.length} of ${sample.length} copies`);
  return {
    sequential: {
      sampleMailboxes: SEQUENTIAL_SAMPLE,
      sampleSeconds: round(sequentialSeconds),
      projectedSeconds: round((sequentialSeconds / SEQUENTIAL_SAMPLE) * MAILBOXES),
    },
    oneBatchAtATime: {
      sampleMailboxes: sample.length,
      sampleSeconds: round(batchSeconds),
      projectedSeconds: round((batchSeconds / sample.length) * MAILBOXES),
    },
  };
}

/**
 * The fastest any client could go against this sandbox: each mailbox needs a search and then a move
 * (two round trips in sequence, so never under 2 × latency), and the sandbox answers at most
 * `capacity` requests a second (measured in this run at zero latency; per-mailbox limits do not bind
 * when every mailbox is different). Batch envelopes are not counted, which favours the bound.
 */
function lowerBound(mailboxes: number, capacity: number) {
  const requests = 2 * mailboxes;
  const seconds = Math.max((2 * LATENCY_MS) / 1000, requests / capacity);
  return { requests, sandboxRequestsPerSecond: capacity, latencyMs: LATENCY_MS, seconds: round(seconds) };
}

/**
 * How many simple mailbox requests a second the sandbox answers with no injected latency, through
 * node:https with keep-alive (fetch costs the client more CPU than the sandbox spends answering).
 */
async function sandboxCapacity(
  sandbox: SandboxProcess,
  control: Control,
  description: SandboxAppDescription,
) {
  await control('PUT', '/faults', { latencyMs: 0 });
  const token = (await sdkToken(description)).accessToken;
  const mailboxes = sandbox.mailboxes.slice(0, 200);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const base = new URL(description.graphBaseUrl);
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        { host: base.hostname, port: base.port, path, agent, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });
  const result = await closedLoop(
    'GET /users/{id}/mailFolders/inbox',
    { concurrency: 64, durationMs: 4_000 },
    (worker, n) =>
      get(
        `${base.pathname}/users/${mailboxes[(worker * 7 + n) % mailboxes.length]!}/mailFolders/inbox?$select=id`,
      ),
  );
  agent.destroy();
  return {
    workload: result.workload,
    concurrency: result.concurrency,
    requestsPerSecond: result.requestsPerSecond,
    failures: result.failures,
  };
}

async function verdictToLastCopy(api: FastifyInstance, control: Control) {
  // pilot-group@ reaches 1,000 mailboxes in tenants over 2,000 users (sales@, a third, in smaller ones).
  const message = await deliver(control, MAILBOXES > 2000 ? 'pilot-group@contoso.com' : 'sales@contoso.com');
  const reporter = message.copies[0]!;
  const report = await as(api, control, reporter.mailbox, 'POST', '/api/v1/reports', {
    itemId: reporter.id,
    category: 'phishing',
  });
  const reportId = report.json().id as string;
  const started = performance.now();
  const verdict = await as(
    api,
    control,
    'secops@contoso.com',
    'POST',
    `/api/v1/reports/${reportId}/verdict`,
    { disposition: 'MALICIOUS' },
  );
  const body = verdict.json();
  const retractionId = (body.retraction?.retractionId ?? body.retractionId ?? body.retraction?.id) as
    string | undefined;
  if (!retractionId) throw new Error(`the verdict started no retraction: ${verdict.body}`);
  for (;;) {
    const view = (
      await as(api, control, 'admin@contoso.com', 'GET', `/api/v1/retractions/${retractionId}`)
    ).json();
    if (['completed', 'completedWithErrors'].includes(view.status)) {
      return {
        mailboxes: message.copies.length,
        seconds: round((performance.now() - started) / 1000),
        counts: view.counts,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
