// Part of the collection benchmark: 1,000,000 message copies in the message index, then searches
// by internetMessageId and by sender through the index's search function and through the route,
// against `select 1` on the same store.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Config } from '../../api/src/config/config.js';
import { createMessageIndex } from '../../api/src/messages/message-index.js';

/** BENCH_SEARCH_COPIES for a quick check; multiples of 100,000. */
const COPIES = Number(process.env.BENCH_SEARCH_COPIES ?? 1_000_000);
const COPIES_PER_MESSAGE = 10;
const MAILBOXES = 1000;
const SENDERS = 5000;
const FILL_CHUNK = Math.min(100_000, COPIES);
const QUERIES = 1000;
const ROUTE_QUERIES = 300;

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SearchResult {
  copies: number;
  fillSeconds: number;
  index: { byInternetMessageId: Latency; bySender: Latency };
  route: { byInternetMessageId: Latency; bySender: Latency };
  baseline: Latency;
}

type Api = FastifyInstance & { benchConfig: Config };

export async function measureSearch(api: Api): Promise<SearchResult> {
  const { db } = api.database;
  const tenantId = api.benchConfig.tenantId;
  const started = performance.now();
  for (let first = 0; first < COPIES; first += FILL_CHUNK)
    await fill(api, first, Math.min(COPIES, first + FILL_CHUNK) - 1);
  await db.execute(sql`analyze message_copies`);
  const fillSeconds = round((performance.now() - started) / 1000);

  const index = createMessageIndex(db);
  const messageId = () => `<msg${random(COPIES / COPIES_PER_MESSAGE)}@bench.example>`;
  const sender = () => `sender${random(SENDERS)}@fabrikam.example`;
  const baseline = await timed(QUERIES, async () => void (await db.execute(sql`select 1`)));
  const byInternetMessageId = await timed(QUERIES, async () => {
    const rows = await index.search(tenantId, { internetMessageId: messageId() }, 51);
    if (rows.length !== COPIES_PER_MESSAGE)
      throw new Error(`expected ${COPIES_PER_MESSAGE} copies, got ${rows.length}`);
  });
  const bySender = await timed(QUERIES, async () => {
    const rows = await index.search(tenantId, { sender: sender() }, 51);
    const expected = Math.min(51, COPIES / SENDERS);
    if (rows.length !== expected) throw new Error(`expected ${expected} copies, got ${rows.length}`);
  });

  const token = await readerToken(api);
  const get = (query: string) => async () => {
    const response = await api.inject({
      method: 'GET',
      url: `/api/v1/messages?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.statusCode !== 200)
      throw new Error(`search answered ${response.statusCode}: ${response.body}`);
  };
  await get(`sender=${encodeURIComponent(sender())}`)();
  const route = {
    byInternetMessageId: await timed(ROUTE_QUERIES, () =>
      get(`internetMessageId=${encodeURIComponent(messageId())}`)(),
    ),
    bySender: await timed(ROUTE_QUERIES, () => get(`sender=${encodeURIComponent(sender())}`)()),
  };
  return { copies: COPIES, fillSeconds, index: { byInternetMessageId, bySender }, route, baseline };
}

/** Copies [first, last]: message n/10 in ten mailboxes, one sender per 20 messages, 30 s apart. */
async function fill(api: Api, first: number, last: number): Promise<void> {
  const tenantId = api.benchConfig.tenantId;
  await api.database.db.execute(sql`
    insert into message_copies (tenant_id, mailbox_id, mailbox_upn, message_id, internet_message_id,
      sender, recipients, subject, received_at, folder, folder_id, is_read, source, removed_at, updated_at)
    select ${tenantId}::uuid,
      md5('mailbox' || (g % ${MAILBOXES}))::uuid,
      'user' || (g % ${MAILBOXES}) || '@contoso.com',
      'AAkALgBench' || g,
      '<msg' || (g / ${COPIES_PER_MESSAGE}) || '@bench.example>',
      'sender' || ((g / ${COPIES_PER_MESSAGE}) % ${SENDERS}) || '@fabrikam.example',
      array['user' || (g % ${MAILBOXES}) || '@contoso.com'],
      'Bench message ' || (g / ${COPIES_PER_MESSAGE}),
      now() - ((g / ${COPIES_PER_MESSAGE}) * interval '30 seconds'),
      'inbox', null, false, 'collection', null, now()
    from generate_series(${first}::int, ${last}::int) as g`);
}

async function readerToken(api: Api): Promise<string> {
  const sandbox = new URL(api.benchConfig.graphBaseUrl).origin;
  const response = await fetch(`${sandbox}/_sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'reader@contoso.com' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function timed(count: number, work: () => Promise<void>): Promise<Latency> {
  for (let i = 0; i < Math.min(20, count); i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const before = performance.now();
    await work();
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!);
  return { count, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(samples.at(-1)!) };
}

function random(n: number): number {
  return Math.floor(Math.random() * n);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
