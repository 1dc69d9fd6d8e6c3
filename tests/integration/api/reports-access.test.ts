// Who sees what: reporters see only their own reports and outcomes, analysts see and triage all,
// guests and mailboxes outside published domains cannot report.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../helpers/api.js';
import { graphClient } from '../../helpers/graph.js';
import { CAMPAIGN_SUBJECT, configure, copyOf, report, startReportsApi } from '../../helpers/reports.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

const GUEST = 'partner_fabrikam.com#EXT#@contoso.onmicrosoft.com';

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;
let aliceReport: string;
let bobReport: string;
let campaignId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: 30 });
  api = await startReportsApi(sandbox);
  graph = graphClient(sandbox);
  const alice = await report(api, 'alice@contoso.com', {
    itemId: (await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT })).id,
  });
  const bob = await report(api, 'bob@contoso.com', {
    itemId: (await copyOf(graph, 'bob@contoso.com', { subject: CAMPAIGN_SUBJECT })).id,
  });
  aliceReport = alice.json().id;
  bobReport = bob.json().id;
  campaignId = alice.json().campaignId;
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const get = (user: string, url: string) => api.as(user, { method: 'GET', url });

describe('reporters', () => {
  it('see only their own reports, without triage internals', async () => {
    const mine = (await get('alice@contoso.com', '/api/v1/reports?mine=true')).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([aliceReport]);
    const own = await get('alice@contoso.com', `/api/v1/reports/${aliceReport}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).not.toHaveProperty('enrichment');
    expect(own.json()).not.toHaveProperty('notes');
  });

  it("get 404 for someone else's report and 403 for everyone's", async () => {
    expect((await get('alice@contoso.com', `/api/v1/reports/${bobReport}`)).statusCode).toBe(404);
    const all = await get('alice@contoso.com', '/api/v1/reports');
    expect(all.statusCode).toBe(403);
    expect(all.json().code).toBe('role_required');
    expect((await get('alice@contoso.com', '/api/v1/campaigns')).statusCode).toBe(403);
    expect((await get('alice@contoso.com', `/api/v1/reports/${bobReport}/evidence`)).statusCode).toBe(403);
  });
});

describe('analysts', () => {
  it('list every report, page by page', async () => {
    const first = (await get('reader@contoso.com', '/api/v1/reports?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toHaveProperty('assignee');
    const second = (
      await get('reader@contoso.com', `/api/v1/reports?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([first.items[0].id, second.items[0].id])).toEqual(new Set([aliceReport, bobReport]));
    const oldest = (await get('reader@contoso.com', '/api/v1/reports?sort=reportedAt&limit=1')).json();
    expect(oldest.items[0].id).toBe(aliceReport);
    const byReporter = (await get('reader@contoso.com', '/api/v1/reports?reporter=bob@contoso.com')).json();
    expect(byReporter.items.map((r: { id: string }) => r.id)).toEqual([bobReport]);
  });

  it('automation with an app token reads the same lists', async () => {
    const response = await api.asAutomation({ method: 'GET', url: '/api/v1/campaigns?sort=-reporterCount' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).toMatchObject({ id: campaignId, reporterCount: 2 });
  });

  it('triage: a reader may not, secops assigns, moves to inReview and notes; all audited', async () => {
    const patch = (user: string, url: string, payload: object) =>
      api.as(user, { method: 'PATCH', url, payload });
    expect(
      (await patch('reader@contoso.com', `/api/v1/campaigns/${campaignId}`, { status: 'inReview' }))
        .statusCode,
    ).toBe(403);
    const triaged = await patch('secops@contoso.com', `/api/v1/campaigns/${campaignId}`, {
      status: 'inReview',
      assignee: 'SecOps@contoso.com',
    });
    expect(triaged.statusCode).toBe(200);
    expect(triaged.json()).toMatchObject({ status: 'inReview', assignee: 'secops@contoso.com' });
    const noted = await api.as('secops@contoso.com', {
      method: 'POST',
      url: `/api/v1/reports/${aliceReport}/notes`,
      payload: { text: 'same lure as last week' },
    });
    expect(noted.statusCode).toBe(201);
    const detail = (await get('reader@contoso.com', `/api/v1/reports/${aliceReport}`)).json();
    expect(detail.notes).toEqual([
      expect.objectContaining({ author: 'secops@contoso.com', text: 'same lure as last week' }),
    ]);
    const filtered = (
      await get('reader@contoso.com', '/api/v1/campaigns?status=inReview&assignee=secops@contoso.com')
    ).json();
    expect(filtered.items.map((c: { id: string }) => c.id)).toEqual([campaignId]);
    const audit = (await get('reader@contoso.com', '/api/v1/audit?action=campaign.*')).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('campaign.triaged');
  });
});

describe('who may report', () => {
  it('refuses guests unless the tenant allows them, and audits the refusal', async () => {
    const response = await report(api, GUEST, { itemId: `AAMkAG${'g'.repeat(56)}=` });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    const audit = (await get('reader@contoso.com', '/api/v1/audit?action=report.refused')).json();
    expect(audit.items[0]).toMatchObject({ actorName: GUEST, details: { reason: 'guest' } });
  });

  it('refuses mailboxes outside the published domains with domain_not_published', async () => {
    const upn = 'user0025@northwindtraders.com';
    const response = await report(api, upn, {
      itemId: (await copyOf(graph, upn, { subject: CAMPAIGN_SUBJECT })).id,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('domain_not_published');
  });

  it('lets an allowed guest through to the domain check', async () => {
    const settings = (await get('reader@contoso.com', '/api/v1/settings/user-reported')).json().settings;
    await configure(api, { ...settings, allowGuests: true });
    const response = await report(api, GUEST, { itemId: `AAMkAG${'g'.repeat(56)}=` });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('domain_not_published');
  });
});
