// The tenant's user-reported settings at work: the reporting mailbox receives each report in the
// format Defender accepts from third-party buttons (prefix in the subject, the message as one
// byte-identical .eml), the reporter's copy is moved, and the reporter hears that it arrived.
import type { Client } from '@microsoft/microsoft-graph-client';
import { ResponseType } from '@microsoft/microsoft-graph-client';
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

const REPORTING = 'phishing-reports@contoso.com';

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;

interface Attachment {
  name: string;
  contentType: string;
  contentBytes: string;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startReportsApi(sandbox);
  graph = graphClient(sandbox);
  await configure(api, {
    reportingMailbox: REPORTING,
    reporterCopy: 'junk',
    forward: { enabled: true, from: 'reporter' },
    notifications: {
      ...(await settingsNow()).notifications,
      onReceipt: {
        enabled: true,
        subject: 'Thanks: {{subject}}',
        body: 'We got your {{category}} report of {{subject}} from {{sender}}.',
      },
    },
  });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

async function settingsNow() {
  return (await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/settings/user-reported' })).json()
    .settings;
}

/** The forward in the reporting mailbox whose subject starts with this, with its attachments. */
async function forwardIn(subjectStart: string) {
  return waitFor(async () => {
    const page = await graph
      .api(`/users/${REPORTING}/messages`)
      .select('id,subject,from,hasAttachments')
      .top(50)
      .get();
    const found = (
      page.value as { id: string; subject: string; from: { emailAddress: { address: string } } }[]
    ).find((m) => m.subject.startsWith(subjectStart));
    if (!found) return null;
    const attachments = (await graph.api(`/users/${REPORTING}/messages/${found.id}/attachments`).get())
      .value as Attachment[];
    return { ...found, attachments };
  });
}

async function mime(upn: string, id: string): Promise<Buffer> {
  return Buffer.from(
    await graph.api(`/users/${upn}/messages/${id}/$value`).responseType(ResponseType.ARRAYBUFFER).get(),
  );
}

/** MIME multipart boundaries are generated afresh for each rendering; everything else must match. */
const sameBesidesBoundaries = (a: Buffer, b: Buffer) => {
  const strip = (m: Buffer) =>
    m.toString('latin1').replace(/(boundary="?|--)(-*_[A-Za-z0-9-]+Part_\d+)/g, '$1B');
  return strip(a) === strip(b);
};

describe('forward to the reporting mailbox', () => {
  it("delivers alice's phishing report as '3|' with the stored evidence as the one .eml attachment", async () => {
    const copy = await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT });
    const response = await report(api, 'alice@contoso.com', { itemId: copy.id });
    expect(response.statusCode).toBe(201);
    expect(response.json().reporterCopy).toBe('junk');
    const id = response.json().id;

    const forward = await forwardIn(`3|${CAMPAIGN_SUBJECT}`);
    expect(forward.from.emailAddress.address).toBe('alice@contoso.com');
    expect(forward.attachments).toHaveLength(1);
    const [attachment] = forward.attachments;
    expect(attachment!.name).toMatch(/\.eml$/);
    expect(attachment!.contentType).toBe('message/rfc822');
    const forwarded = Buffer.from(attachment!.contentBytes, 'base64');

    const evidence = await api.as('secops@contoso.com', {
      method: 'GET',
      url: `/api/v1/reports/${id}/evidence`,
    });
    expect(evidence.statusCode).toBe(200);
    expect(evidence.headers['content-type']).toContain('message/rfc822');
    expect(forwarded.equals(evidence.rawPayload)).toBe(true);
    // The evidence is the copy's $value as read at intake: a fresh read differs only in boundaries.
    // (The copy has moved to Junk since, so its REST id is a new one.)
    const moved = await copyOf(graph, 'alice@contoso.com', { internetMessageId: copy.internetMessageId });
    expect(sameBesidesBoundaries(forwarded, await mime('alice@contoso.com', moved.id))).toBe(true);
    expect(forwarded.toString('latin1')).toContain('Authentication-Results: spf=fail');

    const detail = (
      await api.as('secops@contoso.com', { method: 'GET', url: `/api/v1/reports/${id}` })
    ).json();
    expect(detail.sideEffects.forwardedAt).not.toBeNull();
    const audit = (
      await api.as('secops@contoso.com', { method: 'GET', url: '/api/v1/audit?action=report.forwarded' })
    ).json();
    expect(audit.items[0]).toMatchObject({
      targetId: id,
      outcome: 'success',
      details: { prefix: '3|', to: REPORTING },
    });
  });

  it("forwards the EML Outlook handed over byte for byte, as '1|' for junk", async () => {
    const copy = await copyOf(graph, 'bob@contoso.com', { subject: CAMPAIGN_SUBJECT });
    // What the add-in's getAsFileAsync gives: the message's MIME, base64.
    const eml = await mime('bob@contoso.com', copy.id);
    const response = await report(api, 'bob@contoso.com', {
      itemId: copy.id,
      category: 'junk',
      eml: eml.toString('base64'),
    });
    expect(response.statusCode).toBe(201);
    const forward = await forwardIn(`1|${CAMPAIGN_SUBJECT}`);
    expect(forward.attachments).toHaveLength(1);
    expect(Buffer.from(forward.attachments[0]!.contentBytes, 'base64').equals(eml)).toBe(true);
    const detail = (
      await api.as('secops@contoso.com', { method: 'GET', url: `/api/v1/reports/${response.json().id}` })
    ).json();
    expect(detail.evidence.source).toBe('client');
  });

  it('refuses an EML that is not the message itemId names, and stores nothing', async () => {
    const copy = await copyOf(graph, 'ga@contoso.com', { subject: CAMPAIGN_SUBJECT });
    const other = Buffer.from('Message-ID: <forged@example.com>\r\nSubject: hi\r\n\r\nbody');
    const response = await report(api, 'ga@contoso.com', { itemId: copy.id, eml: other.toString('base64') });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.eml');
    const mine = (await api.as('ga@contoso.com', { method: 'GET', url: '/api/v1/reports?mine=true' })).json();
    expect(mine.items).toHaveLength(0);
  });
});

describe("the reporter's copy and the receipt", () => {
  it("moves alice's copy to Junk right after intake", async () => {
    const copy = await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT });
    const copies = await waitFor(async () => {
      const all = await sandbox.control.get<{ mailbox: string; folder: string }[]>(
        `/messages?internetMessageId=${encodeURIComponent(copy.internetMessageId)}`,
      );
      const junk = all.filter((c) => c.folder === 'junkemail').map((c) => c.mailbox);
      return junk.includes('alice@contoso.com') && junk.includes('bob@contoso.com') ? all : null;
    });
    // Only the reporters' copies moved; everyone else's stays where it was.
    expect(
      copies
        .filter((c) => c.folder === 'junkemail')
        .map((c) => c.mailbox)
        .sort(),
    ).toEqual(['alice@contoso.com', 'bob@contoso.com']);
  });

  it('tells the reporter their report arrived, from the reporting mailbox', async () => {
    const receipt = await waitFor(async () => {
      const page = await graph
        .api('/users/alice@contoso.com/messages')
        .select('subject,from,body')
        .top(50)
        .get();
      return (
        page.value as {
          subject: string;
          from: { emailAddress: { address: string } };
          body: { content: string };
        }[]
      ).find((m) => m.subject === `Thanks: ${CAMPAIGN_SUBJECT}`);
    });
    expect(receipt.from.emailAddress.address).toBe(REPORTING);
    expect(receipt.body.content).toContain('phishing report of Action required');
    expect(receipt.body.content).toContain('it-support@c0ntoso.com');
  });

  it('moves the copy to Deleted Items when the setting says so', async () => {
    await configure(api, { ...(await settingsNow()), reporterCopy: 'deletedItems' });
    const copy = await copyOf(graph, 'reader@contoso.com', { subject: CAMPAIGN_SUBJECT });
    expect((await report(api, 'reader@contoso.com', { itemId: copy.id })).json().reporterCopy).toBe(
      'deletedItems',
    );
    await waitFor(async () => {
      const all = await sandbox.control.get<{ mailbox: string; folder: string }[]>(
        `/messages?internetMessageId=${encodeURIComponent(copy.internetMessageId)}`,
      );
      return all.some((c) => c.mailbox === 'reader@contoso.com' && c.folder === 'deleteditems');
    });
  });
});
