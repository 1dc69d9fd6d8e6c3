// The threshold rule: N distinct people reporting one campaign set its disposition, at N and not
// before; later reporters get the outcome at once. Off by default.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../helpers/api.js';
import { graphClient } from '../../helpers/graph.js';
import { configure, copyOf, report, startReportsApi, waitFor } from '../../helpers/reports.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

const PEOPLE = ['user0001', 'user0002', 'user0003', 'user0004', 'user0005'].map((u) => `${u}@contoso.com`);
const INVOICE = {
  from: 'billing@c0ntoso.com',
  subject: 'Invoice 4471 overdue',
  body: '<p>Please pay the attached invoice today: <a href="https://pay.c0ntoso.com/4471">pay now</a></p>',
};

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;
let internetMessageId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startReportsApi(sandbox);
  graph = graphClient(sandbox);
  const delivered = await sandbox.control.post<{ internetMessageId: string }>('/deliver', {
    ...INVOICE,
    to: PEOPLE.slice(0, 4),
  });
  internetMessageId = delivered.internetMessageId;
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const campaignOf = async (id: string) =>
  (await api.as('reader@contoso.com', { method: 'GET', url: `/api/v1/campaigns/${id}` })).json();

async function reportAs(upn: string, match: { internetMessageId: string }) {
  const response = await report(api, upn, { itemId: (await copyOf(graph, upn, match)).id });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as { id: string; campaignId: string };
}

describe('threshold rule', () => {
  it('is off by default: reports alone decide nothing', async () => {
    const settings = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/settings/user-reported' })
    ).json();
    expect(settings.settings.threshold.enabled).toBe(false);
  });

  let campaignId: string;

  it('does not fire before N distinct reporters, repeats included', async () => {
    const base = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/settings/user-reported' })
    ).json().settings;
    await configure(api, {
      reportingMailbox: 'phishing-reports@contoso.com',
      threshold: { enabled: true, reporters: 3, disposition: 'MALICIOUS' },
      notifications: { ...base.notifications, onVerdict: { ...base.notifications.onVerdict, enabled: true } },
    });
    campaignId = (await reportAs(PEOPLE[0]!, { internetMessageId })).campaignId;
    await reportAs(PEOPLE[1]!, { internetMessageId });
    await reportAs(PEOPLE[1]!, { internetMessageId });
    const campaign = await campaignOf(campaignId);
    expect(campaign).toMatchObject({ reporterCount: 2, disposition: null });
  });

  it('fires at the Nth reporter: the campaign and all its reports get the disposition', async () => {
    await reportAs(PEOPLE[2]!, { internetMessageId });
    const campaign = await campaignOf(campaignId);
    expect(campaign).toMatchObject({
      reporterCount: 3,
      disposition: 'MALICIOUS',
      verdictSource: 'threshold',
      verdictBy: 'threshold',
    });
    const reports = (
      await api.as('reader@contoso.com', { method: 'GET', url: `/api/v1/reports?campaignId=${campaignId}` })
    ).json();
    expect(reports.items.map((r: { disposition: string }) => r.disposition)).toEqual([
      'MALICIOUS',
      'MALICIOUS',
      'MALICIOUS',
    ]);
    const audit = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit?action=campaign.verdict' })
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorType: 'system',
      actorName: 'threshold rule',
      targetId: campaignId,
      details: { disposition: 'MALICIOUS', source: 'threshold', reporters: 3 },
    });
  });

  it('tells the reporters the outcome', async () => {
    await waitFor(async () => {
      const page = await graph.api(`/users/${PEOPLE[0]}/messages`).select('subject').top(50).get();
      return (page.value as { subject: string }[]).some((m) =>
        m.subject.startsWith('Your report was reviewed'),
      );
    });
  });

  it('gives a later reporter the outcome at once, and a re-send with a new Message-ID joins by fingerprint', async () => {
    const fourth = await reportAs(PEOPLE[3]!, { internetMessageId });
    expect(fourth.campaignId).toBe(campaignId);
    const resent = await sandbox.control.post<{ internetMessageId: string }>('/deliver', {
      ...INVOICE,
      to: [PEOPLE[4]],
    });
    expect(resent.internetMessageId).not.toBe(internetMessageId);
    const fifth = await reportAs(PEOPLE[4]!, { internetMessageId: resent.internetMessageId });
    expect(fifth.campaignId).toBe(campaignId);
    const mine = (await api.as(PEOPLE[4]!, { method: 'GET', url: '/api/v1/reports?mine=true' })).json();
    expect(mine.items[0].disposition).toBe('MALICIOUS');
    const campaign = await campaignOf(campaignId);
    expect(campaign.reporterCount).toBe(5);
    expect(campaign.internetMessageIds.sort()).toEqual([internetMessageId, resent.internetMessageId].sort());
  });
});
