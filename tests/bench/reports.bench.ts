// Report intake under load: 100 people clicking "Report" at once, each report a new message from
// their own mailbox, against the API on its default store (PGlite on disk under DATA_DIR; PostgreSQL
// when DATABASE_URL is set) with the sandbox in its own process adding 50 ms to every Graph call.
// Each request reads the message and its MIME from Graph, enriches it, groups it into a campaign and
// stores report, evidence, index copy, audit row and jobs in one transaction. Baseline in the same
// run: the same reporters and messages, only the two Graph reads intake makes (through the API's own
// Graph client, nothing served or stored): the floor latency and rate of any intake that reads the
// message. Goal: p99 ≤ 250 ms, ≥ 300 reports/s.
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_USER_REPORTED_SETTINGS } from '@clawback/shared';
import app from '../../api/src/app.js';
import { loadConfig, type SandboxAppDescription } from '../../api/src/config/load.js';
import { REPORTS_QUEUE } from '../../api/src/reports/queues.js';
import { serverOptions } from '../../api/src/server-options.js';
import { createTestDatabase } from '../helpers/database.js';
import { closedLoop, type Benchmark, type LoadResult } from './benchmark.js';
import { startSandboxProcess } from './sandbox-process.js';

const REPORTERS = 100;
const LATENCY_MS = 50;
// A quicker look: REPORTS_BENCH_DURATION_MS.
const DURATION_MS = Number(process.env.REPORTS_BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = 2_000;
/** Distinct messages per phase in every reporter's mailbox: more than one reporter sends in a phase. */
const MESSAGES = 60;
const GOAL = { p99Ms: 250, reportsPerSecond: 300 };

export const benchmark: Benchmark = {
  name: 'reports',
  description:
    `${REPORTERS} concurrent reporters (one keep-alive HTTP connection each, closed loop) POST /api/v1/reports, ` +
    `each request a message not reported before (${MESSAGES} lures per phase delivered through the all-staff ` +
    `distribution list; reporter i sends ` +
    `lure (i + n) mod ${MESSAGES}, so campaigns fill from many sides at once); sandbox in its own process with ` +
    `${LATENCY_MS} ms added to every Graph call; API in this process (role all: job workers included) on its ` +
    'default store (PGlite on disk; PostgreSQL with DATABASE_URL). Baseline: the same closed loop making only ' +
    "intake's two Graph reads (message and MIME, in parallel) through the API's Graph client, nothing served " +
    'or stored (after a warm-up of its own). Every report answered 201 is checked to be in the store. ' +
    'Run 1: default settings (nothing but intake). Run 2: forward to the reporting mailbox and move the ' +
    'reporter copy to Junk (jobs enqueued in the same transaction, worked in the same process).',
  async run({ dataDir }) {
    const host = await startHost(dataDir);
    const storeDir = mkdtempSync(join(tmpdir(), 'clawback-bench-store-'));
    const database = process.env.DATABASE_URL ? await createTestDatabase() : null;
    let api: FastifyInstance | null = null;
    try {
      const control = controlClient(host.url);
      const description = await control<SandboxAppDescription>('GET', '/app');
      const config = {
        ...loadConfig(
          { CLAWBACK_MODE: 'sandbox', LOG_LEVEL: 'silent', DATA_DIR: storeDir, DIRECTORY_SYNC_CRON: 'off' },
          description,
        ),
        databaseUrl: database?.url ?? null,
      };
      api = Fastify({ ...serverOptions(config, { logger: false }), pluginTimeout: 120_000 });
      await api.register(app, { config });
      await api.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
      const client = new ApiClient(base, REPORTERS + 10);

      const reporters = host.mailboxes.slice(0, REPORTERS);
      if (reporters.length < REPORTERS) throw new Error(`only ${reporters.length} mailboxes`);
      const tokens = await Promise.all(reporters.map((upn) => userToken(control, upn)));
      const admin = {
        ga: await userToken(control, 'ga@contoso.com'),
        admin: await userToken(control, 'admin@contoso.com'),
      };
      await publishContoso(client, admin.ga);
      const lures = await deliverLures(control, reporters, MESSAGES * 3);

      await control('PUT', '/faults', { latencyMs: LATENCY_MS });
      const loadBefore = loadavg()[0]!;
      // Each phase has lures of its own, so every measured report is somebody's first report of it.
      const phase = (index: number) => {
        return (worker: number, n: number) => {
          const itemId = lures[worker]![index * MESSAGES + ((worker + n) % MESSAGES)]!;
          return client.post('/api/v1/reports', tokens[worker]!, { itemId, category: 'phishing' });
        };
      };
      const load = { concurrency: REPORTERS, durationMs: DURATION_MS };
      const oids = tokens.map(oidOf);
      const { mailbox } = api.reports.context;
      const readOnly = (worker: number, n: number) => {
        const itemId = lures[worker]![(worker + n) % MESSAGES]!;
        return Promise.all([
          mailbox.message(oids[worker]!, itemId),
          mailbox.mime(oids[worker]!, itemId),
        ]).then(() => 200);
      };
      // Warmed up like intake is, so neither pays for opening its connections to the sandbox.
      await closedLoop('baseline warm-up', { concurrency: REPORTERS, durationMs: WARMUP_MS }, readOnly);
      const reads = await withCpu(() => closedLoop('baseline: the two Graph reads alone', load, readOnly));
      const warmUp = await closedLoop('warm-up', { concurrency: REPORTERS, durationMs: WARMUP_MS }, phase(0));
      const intake = await withCpu(() => closedLoop('intake, default settings', load, phase(1)));
      await configure(client, admin.admin);
      const withJobs = await withCpu(() => closedLoop('intake with forward + move to Junk', load, phase(2)));
      const jobsQueued = await api.queue.boss.getQueueSize(REPORTS_QUEUE);
      const answered = [warmUp, intake, withJobs].reduce((sum, w) => sum + (w.statuses['201'] ?? 0), 0);
      const stored = await countReports(api);
      if (stored !== answered) throw new Error(`${answered} reports answered 201 but ${stored} stored`);
      const stats = await control<{ throttled: number; graphRequests: number }>('GET', '/stats');
      const met = (w: LoadResult) =>
        w.latencyMs.p99 <= GOAL.p99Ms && w.requestsPerSecond >= GOAL.reportsPerSecond;
      return {
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model,
          node: process.version,
          loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) },
        },
        store: database ? 'postgres' : 'pglite',
        sandboxLatencyMs: LATENCY_MS,
        goal: { ...GOAL, met: { intake: met(intake), withJobs: met(withJobs) } },
        workloads: [intake, withJobs],
        baseline: reads,
        // Every report answered 201 (warm-up included) is in the store.
        reportsAnsweredAndStored: stored,
        // Forward and move jobs not yet worked when the last phase ended (they run after intake).
        reportJobsQueuedAfter: jobsQueued,
        sandboxStats: { graphRequests: stats.graphRequests, throttled: stats.throttled },
      };
    } finally {
      await api?.close();
      await host.stop();
      await database?.drop();
      rmSync(storeDir, { recursive: true, force: true });
    }
  },
  summary(result) {
    const [intake, withJobs] = result.workloads as LoadResult[];
    const baseline = result.baseline as LoadResult & { cpuMsPerRequest?: number };
    const met = (result.goal as { met: Record<string, boolean> }).met;
    const line = (w: LoadResult & { cpuMsPerRequest?: number }) =>
      `${w.requestsPerSecond}/s, p50 ${w.latencyMs.p50} ms, p99 ${w.latencyMs.p99} ms, ` +
      `${w.cpuMsPerRequest} ms CPU each, ${w.failures} failed ${JSON.stringify(w.statuses)}`;
    return (
      `[${result.store as string}] intake: ${line(intake!)} — goal ${met.intake ? 'met' : 'NOT met'}; ` +
      `with forward + move: ${line(withJobs!)} — goal ${met.withJobs ? 'met' : 'NOT met'}; ` +
      `baseline (Graph reads alone): ${line(baseline)}`
    );
  },
};

/** The workload's result with this process's CPU time per request (API, job workers and client). */
async function withCpu(run: () => Promise<LoadResult>): Promise<LoadResult & { cpuMsPerRequest: number }> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  return {
    ...result,
    cpuMsPerRequest: round((used.user + used.system) / 1000 / Math.max(1, result.requests)),
  };
}

type Control = <T>(method: string, path: string, body?: unknown) => Promise<T>;

function controlClient(url: string): Control {
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

async function countReports(api: FastifyInstance): Promise<number> {
  const result = await api.database.db.execute(sql`select count(*)::int as n from reports`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]!.n);
}

/** The user's object id, from the token the sandbox issued (trusted: the bench asked for it). */
function oidOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { oid: string }).oid;
}

async function userToken(control: Control, upn: string): Promise<string> {
  return (await control<{ access_token: string }>('POST', '/token', { user: upn })).access_token;
}

/**
 * Lures delivered through the all-staff distribution list, as mass phishing usually arrives (the
 * demo campaign too); answers each reporter's item ids, lure by lure.
 */
async function deliverLures(control: Control, reporters: string[], count: number): Promise<string[][]> {
  const ids = reporters.map(() => [] as string[]);
  const index = new Map(reporters.map((upn, i) => [upn.toLowerCase(), i]));
  for (let k = 0; k < count; k += 1) {
    const delivered = await control<{ copies: { mailbox: string; id: string }[] }>('POST', '/deliver', {
      from: `billing${k}@c0ntoso.com`,
      to: ['all-staff@contoso.com'],
      subject: `Invoice ${1000 + k} overdue`,
      body: `<p>Pay invoice ${1000 + k} today: <a href="https://pay.c0ntoso.com/${k}">pay now</a></p>`,
    });
    for (const copy of delivered.copies) {
      const reporter = index.get(copy.mailbox.toLowerCase());
      if (reporter !== undefined) ids[reporter]!.push(copy.id);
    }
  }
  if (ids.some((list) => list.length !== count)) throw new Error('a reporter is not on all-staff');
  return ids;
}

async function publishContoso(client: ApiClient, token: string): Promise<void> {
  const started = Date.now();
  const status = await client.post('/api/v1/domains/contoso.com/publish', token, undefined);
  if (status !== 200) throw new Error(`publishing contoso.com → ${status}`);
  for (;;) {
    const body = (await client.get('/api/v1/directory/status', token)) as {
      state: string;
      phases: { finishedAt: string | null }[];
    };
    if (
      body.state === 'synced' &&
      body.phases.every((p) => p.finishedAt && Date.parse(p.finishedAt) >= started - 1000)
    )
      return;
    if (Date.now() - started > 120_000) throw new Error('directory sync did not finish');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function configure(client: ApiClient, token: string): Promise<void> {
  const status = await client.put('/api/v1/settings/user-reported', token, {
    ...DEFAULT_USER_REPORTED_SETTINGS,
    reportingMailbox: 'phishing-reports@contoso.com',
    reporterCopy: 'junk',
    forward: { enabled: true, from: 'reporter' },
  });
  if (status !== 200) throw new Error(`settings → ${status}`);
}

/** HTTP/1.1 with keep-alive, one socket per reporter, bodies read to the end. */
class ApiClient {
  private readonly agent: Agent;

  constructor(
    private readonly base: string,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(path: string, token: string, body: unknown): Promise<number> {
    return this.send('POST', path, token, body).then((r) => r.status);
  }

  put(path: string, token: string, body: unknown): Promise<number> {
    return this.send('PUT', path, token, body).then((r) => r.status);
  }

  async get(path: string, token: string): Promise<unknown> {
    return JSON.parse((await this.send('GET', path, token, undefined)).text);
  }

  private send(
    method: string,
    path: string,
    token: string,
    body: unknown,
  ): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** The sandbox in a child process, with enough numbered mailboxes for every reporter. */
async function startHost(dataDir: string) {
  const host = await startSandboxProcess({ dataDir, users: 130 });
  // Reporters must be in the published domain (every 25th numbered user is not).
  return { ...host, mailboxes: host.mailboxes.filter((m) => m.endsWith('@contoso.com')) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
