// Verdicts: an analyst decides a campaign (or one report); the decision is stored and audited,
// becomes every reporter's outcome, starts the auto-retraction policy and tells the reporters.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../helpers/api.js';
import { graphClient } from '../../helpers/graph.js';
import {
  CAMPAIGN_SUBJECT,
  configure,
  copyOf,
  report,
  startReportsApi,
  waitFor,
} from '../../helpers/reports.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;
let campaignId: string;
let bobReport: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startReportsApi(sandbox);
  graph = graphClient(sandbox);
  const base = (
    await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/settings/user-reported' })
  ).json().settings;
  await configure(api, {
    reportingMailbox: 'phishing-reports@contoso.com',
    notifications: { ...base.notifications, onVerdict: { ...base.notifications.onVerdict, enabled: true } },
  });
  const alice = await report(api, 'alice@contoso.com', {
    itemId: (await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT })).id,
  });
  const bob = await report(api, 'bob@contoso.com', {
    itemId: (await copyOf(graph, 'bob@contoso.com', { subject: CAMPAIGN_SUBJECT })).id,
  });
  campaignId = alice.json().campaignId;
  bobReport = bob.json().id;
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const verdict = (user: string, url: string, disposition: string) =>
  api.as(user, { method: 'POST', url, payload: { disposition } });

describe('who may decide', () => {
  it('refuses a Security Reader and an ordinary user with 403 role_required', async () => {
    for (const user of ['reader@contoso.com', 'alice@contoso.com']) {
      const response = await verdict(user, `/api/v1/campaigns/${campaignId}/verdict`, 'MALICIOUS');
      expect(response.statusCode, user).toBe(403);
      expect(response.json().code).toBe('role_required');
    }
    const campaign = (
      await api.as('reader@contoso.com', { method: 'GET', url: `/api/v1/campaigns/${campaignId}` })
    ).json();
    expect(campaign.disposition).toBeNull();
  });

  it('refuses an unknown disposition and an unknown campaign', async () => {
    const bad = await verdict('secops@contoso.com', `/api/v1/campaigns/${campaignId}/verdict`, 'EVIL');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.disposition');
    const missing = await verdict(
      'secops@contoso.com',
      '/api/v1/campaigns/00000000-0000-4000-8000-000000000000/verdict',
      'SPAM',
    );
    expect(missing.statusCode).toBe(404);
  });
});

describe('a campaign verdict by secops', () => {
  let result: Record<string, unknown>;

  it('is stored for the campaign and every report in it, and audited', async () => {
    const response = await verdict(
      'secops@contoso.com',
      `/api/v1/campaigns/${campaignId}/verdict`,
      'MALICIOUS',
    );
    expect(response.statusCode, response.body).toBe(200);
    result = response.json();
    expect(result).toMatchObject({ id: campaignId, disposition: 'MALICIOUS', notifying: 2 });
    const campaign = (
      await api.as('reader@contoso.com', { method: 'GET', url: `/api/v1/campaigns/${campaignId}` })
    ).json();
    expect(campaign).toMatchObject({
      disposition: 'MALICIOUS',
      verdictBy: 'secops@contoso.com',
      verdictSource: 'analyst',
      status: 'resolved',
    });
    const audit = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit?action=campaign.verdict' })
    ).json();
    expect(audit.items[0]).toMatchObject({
      actorName: 'secops@contoso.com',
      targetId: campaignId,
      details: { disposition: 'MALICIOUS', reports: 2 },
    });
  });

  it('starts the auto-retraction policy when the retraction engine is installed', async () => {
    if (!api.app.hasDecorator('verdicts')) {
      expect(result).toMatchObject({ policy: 'unavailable', retraction: null });
      return;
    }
    // The default policy retracts MALICIOUS mail to Deleted Items.
    expect(result).toMatchObject({ policy: 'started', retraction: { retractionId: expect.any(String) } });
    const retractionId = (result.retraction as { retractionId: string }).retractionId;
    const retraction = await api.as('admin@contoso.com', {
      method: 'GET',
      url: `/api/v1/retractions/${retractionId}`,
    });
    expect(retraction.statusCode).toBe(200);
    expect(retraction.json()).toMatchObject({ action: 'moveToDeletedItems' });
    const audit = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit?action=verdict.policy' })
    ).json();
    expect(audit.items[0]).toMatchObject({ outcome: 'success', details: { retractionId } });
    // What people notice: the campaign leaves the reporters' mailboxes.
    const { internetMessageId } = await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT });
    await waitFor(async () => {
      const copies = await sandbox.control.get<{ mailbox: string; folder: string }[]>(
        `/messages?internetMessageId=${encodeURIComponent(internetMessageId)}`,
      );
      return copies.find((c) => c.mailbox === 'alice@contoso.com')?.folder === 'deleteditems';
    }, 45_000);
  });

  it("shows alice her report's outcome in her history", async () => {
    const mine = (
      await api.as('alice@contoso.com', { method: 'GET', url: '/api/v1/reports?mine=true' })
    ).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      disposition: 'MALICIOUS',
      status: 'resolved',
      subject: CAMPAIGN_SUBJECT,
    });
    expect(mine.items[0]).not.toHaveProperty('assignee');
  });

  it('tells each reporter the outcome by mail from the reporting mailbox', async () => {
    for (const upn of ['alice@contoso.com', 'bob@contoso.com']) {
      const mail = await waitFor(async () => {
        const page = await graph.api(`/users/${upn}/messages`).select('subject,from,body').top(50).get();
        return (
          page.value as {
            subject: string;
            from: { emailAddress: { address: string } };
            body: { content: string };
          }[]
        ).find((m) => m.subject === `Your report was reviewed: ${CAMPAIGN_SUBJECT}`);
      });
      expect(mail.from.emailAddress.address).toBe('phishing-reports@contoso.com');
      expect(mail.body.content).toContain('It was malicious');
    }
  });
});

describe('a verdict on one report', () => {
  it("changes that report's outcome only, audited with the previous one", async () => {
    const response = await verdict('secops@contoso.com', `/api/v1/reports/${bobReport}/verdict`, 'SPAM');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: bobReport, disposition: 'SPAM', notifying: 1 });
    const reports = (
      await api.as('reader@contoso.com', { method: 'GET', url: `/api/v1/reports?campaignId=${campaignId}` })
    ).json();
    const dispositions = Object.fromEntries(
      reports.items.map((r: { reporter: { upn: string }; disposition: string }) => [
        r.reporter.upn,
        r.disposition,
      ]),
    );
    expect(dispositions).toEqual({ 'alice@contoso.com': 'MALICIOUS', 'bob@contoso.com': 'SPAM' });
    const audit = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit?action=report.verdict' })
    ).json();
    expect(audit.items[0]).toMatchObject({
      targetId: bobReport,
      details: { disposition: 'SPAM', previous: 'MALICIOUS' },
    });
  });
});

describe('campaigns for the retraction engine', () => {
  it('lets an admin retract a campaign by its id', async () => {
    const response = await api.as('admin@contoso.com', {
      method: 'POST',
      url: '/api/v1/retractions',
      payload: { campaignId, action: 'moveToJunk', dryRun: true },
    });
    expect(response.statusCode, response.body).toBe(202);
    const retraction = await api.as('admin@contoso.com', {
      method: 'GET',
      url: `/api/v1/retractions/${response.json().id}`,
    });
    const { internetMessageId } = await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT });
    expect(retraction.json()).toMatchObject({ internetMessageId });
  });
});
