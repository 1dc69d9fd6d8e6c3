// Collection and message search at scale. (1) 100 custodians with 1,000 delivered messages each
// (plus their Sent Items copies, meetings, drafts): one cold-start batch of the real collection
// engine against the sandbox (in its own process, Exchange's per-mailbox limits on), items per
// second and peak memory of the API process; baseline: the same mailboxes only paged through the
// executor, nothing stored. Goal ≥ 1,000 items/s. (2) Search over 1,000,000 indexed message copies
// by internetMessageId and by sender, through the message index and through GET /api/v1/messages;
// baseline: `select 1` on the same store. Goal p95 ≤ 20 ms. On PGlite, and on PostgreSQL too when
// DATABASE_URL is set.
import { cpus, loadavg } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import app from '../../api/src/app.js';
import type { Config } from '../../api/src/config/config.js';
import { loadConfig, type SandboxAppDescription } from '../../api/src/config/load.js';
import { serverOptions } from '../../api/src/server-options.js';
import { createTestDatabase } from '../helpers/database.js';
import type { Benchmark } from './benchmark.js';
import { startSandboxProcess } from './sandbox-process.js';
import { measureCollection, type CollectionResult } from './collection-throughput.js';
import { measureSearch, type SearchResult } from './message-search.js';

// Smaller runs for a quick check: BENCH_CUSTODIANS, BENCH_MAIL_PER_USER.
const CUSTODIANS = Number(process.env.BENCH_CUSTODIANS ?? 100);
const MAIL_PER_USER = Number(process.env.BENCH_MAIL_PER_USER ?? 1000);
const COLLECTION_GOAL = 1000;
const SEARCH_GOAL_MS = 20;

interface Host {
  url: string;
  mailboxes: string[];
  stop(): Promise<void>;
}

export const benchmark: Benchmark = {
  name: 'collection',
  description:
    `Collection: ${CUSTODIANS} custodians whose mailboxes hold ${MAIL_PER_USER} delivered messages each ` +
    '(plus Sent Items copies, meetings and a draft), one cold-start batch (23 daily windows merged), ' +
    'sandbox in its own process with Exchange limits on; items/s and peak RSS of the API process, ' +
    'baseline: the same mailboxes paged through the executor with nothing stored. Search: 1,000,000 ' +
    'indexed copies (100,000 messages in 10 mailboxes each, 5,000 senders), 1,000 searches each by ' +
    'internetMessageId and by sender (newest 50), through the message index and through ' +
    'GET /api/v1/messages; baseline: select 1 on the same store.',
  async run({ dataDir }) {
    const stores: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
    const loadBefore = loadavg()[0]!;
    const host = await startHost(dataDir);
    const collection: Record<string, CollectionResult> = {};
    const search: Record<string, SearchResult> = {};
    try {
      for (const store of stores) {
        // Each part on a store of its own, so the search is not measured beside the collected mail.
        collection[store] = await withApi(host.url, store, (api) =>
          measureCollection(api, host.mailboxes.slice(0, CUSTODIANS)),
        );
        search[store] = await withApi(host.url, store, measureSearch);
      }
    } finally {
      await host.stop();
    }
    return {
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        node: process.version,
        loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) },
      },
      goal: {
        collectionItemsPerSecond: COLLECTION_GOAL,
        searchP95Ms: SEARCH_GOAL_MS,
        met: Object.fromEntries(
          stores.map((store) => [
            store,
            {
              collection: collection[store]!.itemsPerSecond >= COLLECTION_GOAL,
              searchByInternetMessageId: search[store]!.index.byInternetMessageId.p95 <= SEARCH_GOAL_MS,
              searchBySender: search[store]!.index.bySender.p95 <= SEARCH_GOAL_MS,
            },
          ]),
        ),
      },
      collection,
      search,
    };
  },
  summary(result) {
    const collection = result.collection as Record<string, CollectionResult>;
    const search = result.search as Record<string, SearchResult>;
    return Object.keys(collection)
      .map((store) => {
        const c = collection[store]!;
        const s = search[store]!;
        return (
          `${store}: collection ${c.items} items in ${c.seconds} s = ${c.itemsPerSecond} items/s ` +
          `(baseline read-only ${c.baseline.itemsPerSecond} items/s), peak RSS ${c.peakRssMb} MB; ` +
          `search p95 by internetMessageId ${s.index.byInternetMessageId.p95} ms, by sender ` +
          `${s.index.bySender.p95} ms (route ${s.route.byInternetMessageId.p95} / ${s.route.bySender.p95} ms; ` +
          `baseline select 1 ${s.baseline.p95} ms)`
        );
      })
      .join('; ');
  },
};

async function withApi<T>(
  sandboxUrl: string,
  store: 'pglite' | 'postgres',
  work: (api: FastifyInstance & { benchConfig: Config }) => Promise<T>,
): Promise<T> {
  const database =
    store === 'postgres' ? await createTestDatabase() : { url: 'memory://', drop: async () => undefined };
  const api = await startApi(sandboxUrl, database.url);
  try {
    return await work(api);
  } finally {
    await api.close();
    await database.drop();
  }
}

/** The API app in this process, configured from the sandbox as `npm start` would be. */
async function startApi(
  sandboxUrl: string,
  databaseUrl: string,
): Promise<FastifyInstance & { benchConfig: Config }> {
  const description = (await (await fetch(`${sandboxUrl}/_sandbox/app`)).json()) as SandboxAppDescription;
  const config = {
    ...loadConfig(
      {
        CLAWBACK_MODE: 'sandbox',
        LOG_LEVEL: 'silent',
        CLAWBACK_ROLE: 'all',
        DIRECTORY_SYNC_CRON: 'off',
        RATE_LIMIT_PER_MINUTE: '1000000',
      },
      description,
    ),
    databaseUrl,
  };
  const fastify = Fastify({ ...serverOptions(config, { logger: false }), pluginTimeout: 120_000 });
  await fastify.register(app, { config });
  await fastify.ready();
  return Object.assign(fastify, { benchConfig: config }) as FastifyInstance & { benchConfig: Config };
}

function startHost(dataDir: string): Promise<Host> {
  return startSandboxProcess(
    { dataDir, users: CUSTODIANS + 10, mailPerUser: MAIL_PER_USER },
    { maxOldSpaceMb: 6144 },
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
