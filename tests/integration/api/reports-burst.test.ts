// Many people clicking Report at the same moment: the clicks that arrive together are stored
// together, and the result is what the same clicks one by one would give — one campaign per attack,
// one report per person and message, repeats answered with the first report, the threshold firing
// once, the audit chain intact — and a report that cannot be stored fails alone.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../helpers/api.js';
import { graphClient } from '../../helpers/graph.js';
import { configure, copyOf, report, startReportsApi } from '../../helpers/reports.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

const people = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `user${String(from + i).padStart(4, '0')}@contoso.com`);
const lure = (n: number) => ({
  from: `payroll${n}@c0ntoso.com`,
  subject: `Salary review ${n}: sign today`,
  body: `<p>Sign your salary review ${n}: <a href="https://hr.c0ntoso.com/${n}">open</a></p>`,
});

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startReportsApi(sandbox);
  graph = graphClient(sandbox);
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const asReader = (url: string) => api.as('reader@contoso.com', { method: 'GET', url });

async function deliver(message: ReturnType<typeof lure>, to: string[]) {
  return sandbox.control.post<{ internetMessageId: string }>('/deliver', { ...message, to });
}

/** Each person's item id of a message, looked up before the burst so the clicks arrive together. */
async function itemIds(upns: string[], internetMessageId: string) {
  return Promise.all(upns.map(async (upn) => (await copyOf(graph, upn, { internetMessageId })).id));
}

async function count(table: string): Promise<number> {
  const result = await api.app.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]!.n);
}

/**
 * Clicks that arrive while a transaction is being written are stored together in the next one. To
 * make that certain rather than likely, the first intake transaction waits until all `clicks` have
 * read their message (the last step before storing), as it would under load.
 */
function arriveTogether(clicks: number): () => void {
  const { context } = api.app.reports;
  const { tenantDomains, db } = context;
  const verified = tenantDomains.verified;
  const transaction = db.transaction;
  let read = 0;
  let allRead!: () => void;
  const gathered = new Promise<void>((resolve) => (allRead = resolve));
  tenantDomains.verified = () => {
    // Released after the last click has queued its report (it does so right after this answers).
    if ((read += 1) === clicks) setImmediate(allRead);
    return verified();
  };
  let first = true;
  db.transaction = (async (...args: Parameters<typeof transaction>) => {
    if (first) {
      first = false;
      await gathered;
    }
    return transaction.apply(db, args);
  }) as typeof transaction;
  return () => {
    tenantDomains.verified = verified;
    db.transaction = transaction;
  };
}

async function burstOf(clicks: { upn: string; itemId: string }[]): Promise<LightMyRequestResponse[]> {
  const restore = arriveTogether(clicks.length);
  try {
    return await Promise.all(clicks.map((c) => report(api, c.upn, { itemId: c.itemId })));
  } finally {
    restore();
  }
}

function body(response: LightMyRequestResponse) {
  return response.json() as { id: string; campaignId: string; duplicate: boolean };
}

describe('a burst of reports', () => {
  it('groups, counts and de-duplicates exactly as one-by-one intake would', async () => {
    const reportsBefore = await count('reports');
    const first = people(1, 12);
    const original = await deliver(lure(1), first);
    // The same lure again with a new Message-ID: it joins by fingerprint.
    const resentTo = people(13, 16);
    const resent = await deliver(lure(1), resentTo);
    const other = await deliver(lure(2), first.slice(0, 6));
    const originals = (await itemIds(first, original.internetMessageId)).map((itemId, i) => ({
      upn: first[i]!,
      imid: original.internetMessageId,
      itemId,
    }));
    const resends = (await itemIds(resentTo, resent.internetMessageId)).map((itemId, i) => ({
      upn: resentTo[i]!,
      imid: resent.internetMessageId,
      itemId,
    }));
    const others = (await itemIds(first.slice(0, 6), other.internetMessageId)).map((itemId, i) => ({
      upn: first[i]!,
      imid: other.internetMessageId,
      itemId,
    }));
    // Four people click twice on the original, all at once.
    const burst = [...originals, ...resends, ...others, ...originals.slice(0, 4)];
    const responses = await burstOf(burst);

    for (const response of responses) expect(response.statusCode, response.body).toBeLessThan(300);
    // Per person and message: one report, created once, every other answer naming it.
    const byClick = new Map<string, LightMyRequestResponse[]>();
    burst.forEach((c, i) =>
      byClick.set(`${c.upn} ${c.imid}`, [...(byClick.get(`${c.upn} ${c.imid}`) ?? []), responses[i]!]),
    );
    for (const answers of byClick.values()) {
      expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(new Set(answers.map((r) => body(r).id)).size).toBe(1);
      expect(answers.filter((r) => body(r).duplicate)).toHaveLength(answers.length - 1);
    }
    expect(await count('reports')).toBe(reportsBefore + byClick.size);

    const lureCampaign = body(responses[0]!).campaignId;
    const campaignIds = (from: number, to: number) =>
      new Set(responses.slice(from, to).map((r) => body(r).campaignId));
    expect(campaignIds(0, first.length + resentTo.length)).toEqual(new Set([lureCampaign]));
    const otherCampaign = body(responses[first.length + resentTo.length]!).campaignId;
    expect(otherCampaign).not.toBe(lureCampaign);
    expect(campaignIds(first.length + resentTo.length, first.length + resentTo.length + 6)).toEqual(
      new Set([otherCampaign]),
    );

    const campaign = (await asReader(`/api/v1/campaigns/${lureCampaign}`)).json();
    expect(campaign).toMatchObject({ reportCount: 16, reporterCount: 16 });
    expect(campaign.internetMessageIds.sort()).toEqual(
      [original.internetMessageId, resent.internetMessageId].sort(),
    );
    expect((await asReader(`/api/v1/campaigns/${otherCampaign}`)).json()).toMatchObject({
      reportCount: 6,
      reporterCount: 6,
    });
  });

  it('records one audit row per stored report and keeps the chain verifiable', async () => {
    const received = (await asReader('/api/v1/audit?action=report.received&limit=100')).json();
    expect(received.items).toHaveLength(await count('reports'));
    expect((await asReader('/api/v1/audit/verify')).json()).toMatchObject({ valid: true });
  });

  it('fires the threshold once when the reporters who reach it click together', async () => {
    const base = (await asReader('/api/v1/settings/user-reported')).json().settings;
    await configure(api, { ...base, threshold: { enabled: true, reporters: 3, disposition: 'MALICIOUS' } });
    const upns = people(1, 8);
    const { internetMessageId } = await deliver(lure(3), upns);
    const ids = await itemIds(upns, internetMessageId);
    const responses = await burstOf(upns.map((upn, i) => ({ upn, itemId: ids[i]! })));
    for (const response of responses) expect(response.statusCode, response.body).toBe(201);
    const campaignId = body(responses[0]!).campaignId;

    const campaign = (await asReader(`/api/v1/campaigns/${campaignId}`)).json();
    expect(campaign).toMatchObject({
      reporterCount: 8,
      disposition: 'MALICIOUS',
      verdictSource: 'threshold',
    });
    const reports = (await asReader(`/api/v1/reports?campaignId=${campaignId}`)).json();
    expect(reports.items.map((r: { disposition: string }) => r.disposition)).toEqual(
      Array(8).fill('MALICIOUS'),
    );
    const verdicts = (await asReader('/api/v1/audit?action=campaign.verdict')).json();
    expect(verdicts.items.filter((e: { targetId: string }) => e.targetId === campaignId)).toHaveLength(1);
    await configure(api, base);
  });

  it('fails only the report that cannot be stored; the others sent with it are stored', async () => {
    const upns = people(9, 16);
    const victim = upns[3]!;
    const { internetMessageId } = await deliver(lure(4), upns);
    const ids = await itemIds(upns, internetMessageId);
    const index = api.app.reports.context.messageIndex;
    const upsert = index.upsert;
    index.upsert = async (copies, tx) => {
      if (copies.some((c) => c.mailboxUpn.toLowerCase() === victim)) throw new Error('disk full');
      return upsert(copies, tx);
    };
    let responses: LightMyRequestResponse[];
    try {
      responses = await burstOf(upns.map((upn, i) => ({ upn, itemId: ids[i]! })));
    } finally {
      index.upsert = upsert;
    }
    expect(responses.map((r) => r.statusCode)).toEqual(upns.map((upn) => (upn === victim ? 500 : 201)));
    const stored = (await asReader(`/api/v1/reports?campaignId=${body(responses[0]!).campaignId}`)).json();
    expect(stored.items.map((r: { reporter: { upn: string } }) => r.reporter.upn).sort()).toEqual(
      upns.filter((u) => u !== victim).sort(),
    );
    expect((await report(api, victim, { itemId: ids[3] })).statusCode).toBe(201);
  });
});
