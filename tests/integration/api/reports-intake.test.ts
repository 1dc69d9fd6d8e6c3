// Intake: a user's click becomes a report of their own copy, grouped into the campaign, enriched,
// with its evidence kept; someone else's message is "not found"; a repeat click finds the report.
import type { Client } from '@microsoft/microsoft-graph-client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageIndex } from '../../../api/src/messages/message-index.js';
import type { TestApi } from '../../helpers/api.js';
import { clearFaults, setFaults } from '../../helpers/faults.js';
import { graphClient } from '../../helpers/graph.js';
import { CAMPAIGN_SUBJECT, copyOf, report, startReportsApi, waitFor } from '../../helpers/reports.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;
let alice: { id: string; internetMessageId: string };
let bob: { id: string; internetMessageId: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startReportsApi(sandbox);
  graph = graphClient(sandbox);
  alice = await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT });
  bob = await copyOf(graph, 'bob@contoso.com', { subject: CAMPAIGN_SUBJECT });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const asSecops = (url: string) => api.as('secops@contoso.com', { method: 'GET', url });
/** Rows of the feature's tables: what a failed intake must leave untouched. */
async function stored() {
  const counts: Record<string, number> = {};
  for (const table of ['reports', 'report_evidence', 'campaigns', 'campaign_keys', 'message_copies']) {
    const result = await api.app.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as {
      n: number;
    }[];
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

describe('report intake', () => {
  let campaignId: string;
  let aliceReport: string;

  it("stores alice's report of her campaign copy and answers 201 at once", async () => {
    const response = await report(api, 'alice@contoso.com', {
      itemId: alice.id,
      comment: 'asks for my password',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ status: 'new', duplicate: false, reporterCopy: 'keep' });
    campaignId = body.campaignId;
    aliceReport = body.id;
  });

  it("groups bob's report of his own copy into the same campaign, with two reporters", async () => {
    const response = await report(api, 'bob@contoso.com', { itemId: bob.id, category: 'junk' });
    expect(response.statusCode).toBe(201);
    expect(response.json().campaignId).toBe(campaignId);
    const campaign = (await asSecops(`/api/v1/campaigns/${campaignId}`)).json();
    expect(campaign).toMatchObject({
      reporterCount: 2,
      reportCount: 2,
      subject: CAMPAIGN_SUBJECT,
      sender: 'it-support@c0ntoso.com',
      internetMessageIds: [alice.internetMessageId],
    });
    expect(campaign.reporters.map((r: { upn: string }) => r.upn).sort()).toEqual([
      'alice@contoso.com',
      'bob@contoso.com',
    ]);
    // Delivered to all-staff: a job expands the list through the directory, one count per mailbox.
    const copies = await sandbox.control.get<unknown[]>(
      `/messages?internetMessageId=${encodeURIComponent(alice.internetMessageId)}`,
    );
    expect(copies.length).toBeGreaterThan(10);
    await waitFor(async () => {
      const now = (await asSecops(`/api/v1/campaigns/${campaignId}`)).json();
      return now.estimatedRecipients === copies.length;
    });
  });

  it('returns the existing report when the same person reports the same message again', async () => {
    const response = await report(api, 'alice@contoso.com', { itemId: alice.id, category: 'junk' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: aliceReport, campaignId, duplicate: true });
    const campaign = (await asSecops(`/api/v1/campaigns/${campaignId}`)).json();
    expect(campaign.reportCount).toBe(2);
  });

  it('enriches the report: lookalike sender, failed authentication, reply-to mismatch, defanged URLs', async () => {
    const detail = (await asSecops(`/api/v1/reports/${aliceReport}`)).json();
    expect(detail).toMatchObject({
      category: 'phishing',
      comment: 'asks for my password',
      internetMessageId: alice.internetMessageId,
      reporter: { upn: 'alice@contoso.com' },
      evidence: {
        source: 'graph',
        size: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    const { enrichment } = detail;
    expect(enrichment.authentication).toEqual({ spf: 'fail', dkim: 'none', dmarc: 'fail' });
    expect(enrichment.replyToMismatch).toBe(true);
    expect(enrichment.lookalikes).toContainEqual({
      domain: 'c0ntoso[.]com',
      resembles: 'contoso.com',
      kind: 'homoglyph',
      where: 'sender',
    });
    expect(enrichment.urls).toContainEqual({
      url: 'hxxps://c0ntoso-login[.]example/reset?session=8f2a',
      host: 'c0ntoso-login[.]example',
    });
    expect(enrichment.received[0]).toMatchObject({ from: 'mail.c0ntoso.com', ip: '198.51.100.23' });
  });

  it("puts the reporter's copy into the message index", async () => {
    const copies = await createMessageIndex(api.app.database.db).copiesOf(
      sandbox.tenantId,
      alice.internetMessageId,
    );
    expect(copies.map((c) => c.mailboxUpn).sort()).toEqual(['alice@contoso.com', 'bob@contoso.com']);
    expect(copies.every((c) => c.source === 'report' && c.sender === 'it-support@c0ntoso.com')).toBe(true);
  });
});

describe('a stale item id', () => {
  it('finds the copy by internetMessageId in the reporter own mailbox', async () => {
    const copy = await copyOf(graph, 'admin2@contoso.com', { subject: CAMPAIGN_SUBJECT });
    const stale = `AAMkAG${'s'.repeat(56)}=`;
    expect((await report(api, 'admin2@contoso.com', { itemId: stale })).statusCode).toBe(404);
    const response = await report(api, 'admin2@contoso.com', {
      itemId: stale,
      internetMessageId: copy.internetMessageId,
    });
    expect(response.statusCode, response.body).toBe(201);
    const detail = (await asSecops(`/api/v1/reports/${response.json().id}`)).json();
    expect(detail).toMatchObject({
      internetMessageId: copy.internetMessageId,
      evidence: { source: 'graph' },
    });
  });

  it('never finds a message that is not in the reporter mailbox', async () => {
    const other = await sandbox.control.post<{ internetMessageId: string }>('/deliver', {
      from: 'partner@fabrikam.com',
      to: ['bob@contoso.com'],
      subject: 'For bob only',
    });
    const response = await report(api, 'alice@contoso.com', {
      itemId: `AAMkAG${'s'.repeat(56)}=`,
      internetMessageId: other.internetMessageId,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("someone else's message", () => {
  it("answers 404 message_not_found when alice sends bob's item id, and audits the attempt", async () => {
    const response = await report(api, 'alice@contoso.com', { itemId: bob.id });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'message_not_found' });
    expect(response.body).not.toContain(CAMPAIGN_SUBJECT);
    const audit = (await asSecops('/api/v1/audit?action=report.refused')).json();
    expect(audit.items[0]).toMatchObject({
      actorName: 'alice@contoso.com',
      targetId: bob.id,
      outcome: 'denied',
      details: { reason: 'messageNotFound' },
    });
  });

  it('stores nothing when Graph cannot be reached', async () => {
    const before = await stored();
    const target = await copyOf(graph, 'secadmin@contoso.com', { subject: CAMPAIGN_SUBJECT });
    await setFaults(sandbox, { dropRate: 1 });
    try {
      const response = await report(api, 'secadmin@contoso.com', { itemId: target.id });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('graph_unavailable');
    } finally {
      await clearFaults(sandbox);
    }
    expect(await stored()).toEqual(before);
  });

  it('stores nothing, not even the campaign or the evidence, when the transaction fails late', async () => {
    const before = await stored();
    const target = await copyOf(graph, 'secadmin@contoso.com', { subject: CAMPAIGN_SUBJECT });
    const index = api.app.reports.context.messageIndex;
    const upsert = index.upsert;
    index.upsert = async () => {
      throw new Error('disk full');
    };
    try {
      const response = await report(api, 'secadmin@contoso.com', { itemId: target.id });
      expect(response.statusCode).toBe(500);
    } finally {
      index.upsert = upsert;
    }
    expect(await stored()).toEqual(before);
    const audit = (await asSecops('/api/v1/audit?action=report.received')).json();
    expect(audit.items.map((e: { actorName: string }) => e.actorName)).not.toContain('secadmin@contoso.com');
    // And the same click works once the store is well again.
    expect((await report(api, 'secadmin@contoso.com', { itemId: target.id })).statusCode).toBe(201);
  });
});
