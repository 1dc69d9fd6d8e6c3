// Directory sync at scale: 100,000 users and 10,000 groups in a sandbox of its own process; the
// API in this process on its default store (PGlite in a data directory; PostgreSQL when
// DATABASE_URL is set). Measured: the first sync (delta rounds from nothing, everything stored),
// then a delta sync after 100 directory changes, each with peak RSS sampled; baseline in the same
// run: a naive full re-list of /users and /groups without delta and without storing anything,
// which is what every sync would cost without delta links. Goals: first sync ≤ 60 s, delta ≤ 2 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import app from '../../api/src/app.js';
import { loadConfig, type SandboxAppDescription } from '../../api/src/config/load.js';
import { serverOptions } from '../../api/src/server-options.js';
import { USER_SELECT, GROUP_SELECT } from '../../api/src/directory/mapping.js';
import { createTestDatabase } from '../helpers/database.js';
import type { Benchmark } from './benchmark.js';
import { startSandboxProcess } from './sandbox-process.js';

// Smaller tenants for a quick look: DIRECTORY_BENCH_USERS / DIRECTORY_BENCH_GROUPS.
const USERS = Number(process.env.DIRECTORY_BENCH_USERS ?? 100_000);
const GROUPS = Number(process.env.DIRECTORY_BENCH_GROUPS ?? 10_000);
const CHANGES = 100;
const GOALS = { firstSyncMs: 60_000, deltaSyncMs: 2_000 };

interface Measured {
  ms: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

export const benchmark: Benchmark = {
  name: 'directory-sync',
  description:
    `${USERS.toLocaleString('en')} users and ${GROUPS.toLocaleString('en')} groups (sandbox in its own process). ` +
    'First sync: users/delta and groups/delta (members@delta) from nothing, 999 per page, every page committed ' +
    'with its next link; domains and role holders too. Delta sync: after 100 changes (20 users added, 30 ' +
    'renamed, 10 given an alias, 10 deleted, 30 group memberships added). Peak RSS of the API process ' +
    'sampled every 25 ms. Baseline: a naive full re-list of /users and /groups ($top=999, nothing stored).',
  async run({ dataDir }) {
    const seedStarted = performance.now();
    const host = await startHost(dataDir);
    const seedMs = Math.round(performance.now() - seedStarted);
    const storeDir = mkdtempSync(join(tmpdir(), 'clawback-bench-store-'));
    const database = process.env.DATABASE_URL ? await createTestDatabase() : null;
    const control = controlClient(host.url);
    let api: FastifyInstance | null = null;
    try {
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
      await api.ready();
      const tenantId = config.tenantId;
      const fastify = api;

      const baseline = await measure(() => naiveRelist(fastify));
      const first = await measure(() => fastify.directoryAdmin.runSync(tenantId));
      const afterFirst = await fastify.directoryAdmin.onboarding.status(tenantId);
      await makeChanges(control);
      const delta = await measure(() => fastify.directoryAdmin.runSync(tenantId));
      const afterDelta = await fastify.directoryAdmin.onboarding.status(tenantId);
      const idle = await measure(() => fastify.directoryAdmin.runSync(tenantId));
      const phases = (status: typeof afterFirst) =>
        Object.fromEntries(
          status.phases.map((p) => [
            p.phase,
            {
              mode: p.mode,
              processed: p.processed,
              stored: p.stored,
              pages: p.pages,
              seconds:
                p.startedAt && p.finishedAt
                  ? (Date.parse(p.finishedAt) - Date.parse(p.startedAt)) / 1000
                  : null,
              ratePerSecond: p.ratePerSecond,
            },
          ]),
        );
      return {
        machine: {
          cpus: cpus().length,
          cpu: cpus()[0]?.model,
          node: process.version,
          loadAverage1m: loadavg()[0],
        },
        store: database ? 'postgres' : 'pglite',
        tenant: { users: USERS, groups: GROUPS, seedMs },
        baseline: { ...baseline, what: 'GET /users and /groups, $top=999, all pages, nothing stored' },
        firstSync: { ...first, phases: phases(afterFirst) },
        deltaSync: { ...delta, changes: CHANGES, phases: phases(afterDelta) },
        idleDeltaSync: idle,
        goals: {
          ...GOALS,
          met: { firstSync: first.ms <= GOALS.firstSyncMs, deltaSync: delta.ms <= GOALS.deltaSyncMs },
        },
      };
    } finally {
      await api?.close();
      await host.stop();
      await database?.drop();
      rmSync(storeDir, { recursive: true, force: true });
    }
  },
  summary(result) {
    const r = result as unknown as Record<
      'baseline' | 'firstSync' | 'deltaSync' | 'idleDeltaSync',
      Measured
    > & {
      goals: { met: { firstSync: boolean; deltaSync: boolean } };
      store: string;
    };
    const line = (m: Measured) => `${(m.ms / 1000).toFixed(2)} s (peak RSS ${m.peakRssMb} MB)`;
    return (
      `[${r.store}] first sync ${line(r.firstSync)} — goal ≤ 60 s ${r.goals.met.firstSync ? 'met' : 'NOT met'}; ` +
      `delta after ${CHANGES} changes ${line(r.deltaSync)} — goal ≤ 2 s ${r.goals.met.deltaSync ? 'met' : 'NOT met'}; ` +
      `no-change delta ${line(r.idleDeltaSync)}; baseline full re-list ${line(r.baseline)}`
    );
  },
};

/** Runs `work`, sampling this process's RSS, and answers its duration and peak. */
async function measure(work: () => Promise<unknown>): Promise<Measured> {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const ms = Math.round(performance.now() - started);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, rssBeforeMb: mb(before), peakRssMb: mb(peak) };
}

/** Every user and group, page by page, counted and dropped: the no-delta way to notice changes. */
async function naiveRelist(api: FastifyInstance): Promise<number> {
  let seen = 0;
  for (const [collection, select] of [
    ['users', USER_SELECT],
    ['groups', GROUP_SELECT],
  ] as const) {
    let url: string | undefined = `/${collection}?$select=${select}&$top=999`;
    while (url) {
      const page: { value: unknown[]; '@odata.nextLink'?: string } = await api.graph.client.api(url).get();
      seen += page.value.length;
      url = page['@odata.nextLink'];
    }
  }
  if (seen < USERS + GROUPS) throw new Error(`the re-list saw only ${seen} objects`);
  return seen;
}

/** 100 directory changes through the sandbox's control plane. */
async function makeChanges(control: ReturnType<typeof controlClient>): Promise<void> {
  // Every 25th numbered user lives in the subsidiary's domain, as the sandbox seeds them.
  const user = (n: number) =>
    `user${String(n).padStart(4, '0')}@${n % 25 === 0 ? 'northwindtraders.com' : 'contoso.com'}`;
  for (let i = 0; i < 20; i += 1)
    await control('POST', '/users', {
      userPrincipalName: `bench.hire${i}@contoso.com`,
      displayName: `Hire ${i}`,
    });
  for (let i = 0; i < 30; i += 1)
    await control('PATCH', `/users/${user(101 + i)}`, { displayName: `Renamed ${i}` });
  for (let i = 0; i < 10; i += 1)
    await control('PATCH', `/users/${user(201 + i)}`, { addProxyAddresses: [`bench.alias${i}@contoso.com`] });
  for (let i = 0; i < 10; i += 1) await control('DELETE', `/users/${user(301 + i)}`);
  const groups = await control<{ id: string; mailNickname: string; memberIds: string[] }[]>('GET', '/groups');
  const teams = groups.filter((g) => g.mailNickname.startsWith('team-')).slice(0, 30);
  for (const [i, team] of teams.entries())
    await control('POST', `/groups/${team.id}/members/bench.hire${i % 20}@contoso.com`);
}

function controlClient(url: string) {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
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

function startHost(dataDir: string) {
  return startSandboxProcess(
    { dataDir, users: USERS, groups: GROUPS },
    { script: './directory-sandbox-host.ts', maxOldSpaceMb: 4096 },
  );
}
