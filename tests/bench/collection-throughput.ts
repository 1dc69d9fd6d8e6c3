// Part of the collection benchmark: one cold-start batch over the custodians through the real
// engine (service, pg-boss job, executor, stores), and the read-only floor of the same mail.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../api/src/config/config.js';
import { messagesCall, type CollectionCall } from '../../api/src/collections/graph-calls.js';
import { pageAll } from '../../api/src/collections/paging.js';
import { graphPath } from '../../api/src/graph/odata.js';

const DAY = 86_400_000;

export interface CollectionResult {
  custodians: number;
  items: number;
  messages: number;
  events: number;
  attachments: number;
  batchStatus: string;
  seconds: number;
  itemsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  baseline: { items: number; seconds: number; itemsPerSecond: number };
}

type Api = FastifyInstance & { benchConfig: Config };

export async function measureCollection(api: Api, mailboxes: string[]): Promise<CollectionResult> {
  const tenantId = api.benchConfig.tenantId;
  const from = new Date(Math.floor((Date.now() - 23 * DAY) / 60_000) * 60_000);
  const to = new Date(from.getTime() + 23 * DAY);
  const baseline = await readOnly(api, mailboxes, from, to);

  const actor = { actorType: 'system' as const, actorId: null, actorName: 'benchmark' };
  const collection = await api.collections.create(
    tenantId,
    {
      name: 'Benchmark',
      type: 'mailAndCalendar',
      monitored: { users: mailboxes, groups: [], domains: [] },
      settings: { frequencyMinutes: 24 * 60, maxBatchesToMerge: 24 },
      collectFrom: from.toISOString(),
      enabled: false,
    },
    actor,
  );
  const memory = sampleMemory();
  const started = performance.now();
  const batch = await api.collections.run(tenantId, collection.id, actor);
  let status = batch.status;
  let counts = batch.counts;
  while (status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [latest] = (await api.collections.batches(tenantId, collection.id, null, 1)).items;
    status = latest!.status;
    counts = latest!.counts;
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const items = counts.messages + counts.events;
  return {
    custodians: mailboxes.length,
    items,
    messages: counts.messages,
    events: counts.events,
    attachments: counts.attachments,
    batchStatus: status,
    seconds: round(seconds),
    itemsPerSecond: Math.round(items / seconds),
    peakRssMb: Math.round(peak.rss / 2 ** 20),
    peakHeapMb: Math.round(peak.heap / 2 ** 20),
    baseline,
  };
}

/** The floor: every mailbox's messages in the window paged through the executor, nothing kept. */
async function readOnly(api: Api, mailboxes: string[], from: Date, to: Date) {
  const started = performance.now();
  let items = 0;
  const calls: CollectionCall[] = mailboxes.map((mailbox) => ({
    ...messagesCall(mailbox, 'inbox', from, to),
    url: messagesCall(mailbox, 'inbox', from, to).url.replace(graphPath`/mailFolders/${'inbox'}`, ''),
  }));
  await pageAll(api.graph.executor, api.benchConfig.graphBaseUrl, calls, {
    async page(_call, body) {
      items += body.value?.length ?? 0;
    },
    failure(result) {
      throw new Error(`baseline read failed: ${result.status}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  return { items, seconds: round(seconds), itemsPerSecond: Math.round(items / seconds) };
}

function sampleMemory() {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
