// Telling people that a retraction took a message out of their mailbox: with the tenant's notices
// on, everyone whose copy was removed gets exactly one message from the configured mailbox, and a
// retried notice job (or one that died between sending and recording) sends nothing twice; with
// notices off, and for an undo, nobody hears anything.
import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retractionMailboxes } from '../../../api/src/db/schema/index.js';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { graphClient } from '../../helpers/graph.js';
import { deliverMessage, requestRetraction, waitFor } from '../../helpers/retractions.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { onboardTenant } from '../../helpers/tenant.js';

const FROM = 'helpdesk@contoso.com';
const PEOPLE = ['alice@contoso.com', 'bob@contoso.com', 'user0003@contoso.com'];
const NOTIFY_QUEUE = 'retraction-notify';

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;
let basePolicy: Record<string, unknown>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
  graph = graphClient(sandbox, { immutableIds: true });
  await onboardTenant(api);
  basePolicy = (await getPolicy()).policy;
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

async function getPolicy() {
  const response = await api.as('admin@contoso.com', {
    method: 'GET',
    url: '/api/v1/policies/auto-retraction',
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

function putPolicy(change: Record<string, unknown>) {
  return api.as('admin@contoso.com', {
    method: 'PUT',
    url: '/api/v1/policies/auto-retraction',
    payload: { ...basePolicy, requireApproval: [], ...change },
  });
}

/** Notices on, with a subject no other test uses, so each test counts only its own. */
async function noticesOn(tag: string) {
  const subject = `Removed for your safety [${tag}]: {{subject}}`;
  const response = await putPolicy({ notify: { enabled: true, fromMailbox: FROM, subject } });
  expect(response.statusCode, response.body).toBe(200);
  return (messageSubject: string) => `Removed for your safety [${tag}]: ${messageSubject}`;
}

async function retract(action: string, to = PEOPLE, reason?: string) {
  const message = await deliverMessage(api, to);
  const response = await requestRetraction(api, 'admin@contoso.com', {
    internetMessageId: message.internetMessageId,
    action,
    scope: { allPublished: true },
    ...(reason ? { reason } : {}),
  });
  expect(response.statusCode, response.body).toBe(202);
  const done = await waitFor(api, response.json().id);
  expect(done).toMatchObject({ status: 'completed', counts: { done: to.length } });
  return { retraction: done, message };
}

type Notified = { details: { sent: string[]; alreadyDelivered: string[] } };

/** The notice batches audited for a retraction, once `expected` mailboxes have been told. */
async function noticesAudited(retractionId: string, expected: number): Promise<Notified[]> {
  for (;;) {
    const response = await api.as('admin@contoso.com', {
      method: 'GET',
      url: `/api/v1/audit?action=retraction.notified&targetId=${retractionId}`,
    });
    const items = response.json().items as Notified[];
    const told = items.reduce((n, i) => n + i.details.sent.length + i.details.alreadyDelivered.length, 0);
    if (told >= expected) return items;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function received(mailbox: string, subject: string, folder = 'inbox') {
  const page = (await graph
    .api(`/users/${mailbox}/mailFolders/${folder}/messages`)
    .filter(`subject eq '${encodeURIComponent(subject.replace(/'/g, "''"))}'`)
    .select('subject,from,toRecipients,body')
    .header('Prefer', 'outlook.body-content-type="text"')
    .get()) as { value: MicrosoftGraph.Message[] };
  return page.value;
}

/** Every notice job ever queued for a retraction (none is queued when nobody is to be told). */
async function noticeJobs(retractionId: string): Promise<number> {
  const { rows } = await api.app.queue.boss
    .getDb()
    .executeSql(`select count(*)::int as n from pgboss.job where name = $1 and data->>'retractionId' = $2`, [
      NOTIFY_QUEUE,
      retractionId,
    ]);
  return Number((rows[0] as { n: number }).n);
}

/** Sends the notice job again, as pg-boss would retry it, and waits for it to finish. */
async function rerunNoticeJob(retractionId: string): Promise<void> {
  const id = (await api.app.queue.send(NOTIFY_QUEUE, { retractionId }))!;
  for (;;) {
    const job = await api.app.queue.boss.getJobById(NOTIFY_QUEUE, id);
    if (job?.state === 'completed') return;
    expect(job?.state).not.toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('with notices on', () => {
  it('a moveToJunk from 3 mailboxes sends exactly 3 notices from the configured mailbox, one to each person', async () => {
    const noticeSubject = await noticesOn('junk');
    const { retraction, message } = await retract('moveToJunk', PEOPLE, 'Credential phishing, ticket SEC-42');
    const audited = await noticesAudited(retraction.id, 3);
    expect(audited.flatMap((a) => a.details.sent).sort()).toEqual([...PEOPLE].sort());

    const subject = noticeSubject(retraction.subject!);
    expect(retraction.subject).toMatch(/^Invoice /);
    for (const person of PEOPLE) {
      const notices = await received(person, subject);
      expect(notices, person).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        from: { emailAddress: { address: FROM } },
        toRecipients: [{ emailAddress: { address: person } }],
      });
      const text = notices[0]!.body!.content!;
      expect(text).toContain(`"${retraction.subject}" from billing@fake-vendor.example`);
      expect(text).toContain('moved to your Junk Email folder');
      expect(text).toContain('Why: Credential phishing, ticket SEC-42');
    }
    // The sending mailbox keeps one record per notice, and nobody without a copy was told.
    expect(await received(FROM, subject, 'sentitems')).toHaveLength(3);
    expect(await received('user0004@contoso.com', subject)).toHaveLength(0);
    expect(message.copies).toHaveLength(3);
  });

  it('a retried notice job sends nothing twice, even after dying between sending and recording', async () => {
    const noticeSubject = await noticesOn('retry');
    const { retraction } = await retract('moveToDeletedItems');
    await noticesAudited(retraction.id, 3);
    const subject = noticeSubject(retraction.subject!);

    await rerunNoticeJob(retraction.id);
    // As if the worker had sent Bob's notice and died before recording it.
    await api.app.database.db
      .update(retractionMailboxes)
      .set({ notifiedAt: null, noticeStartedAt: new Date(0) })
      .where(
        and(
          eq(retractionMailboxes.retractionId, retraction.id),
          eq(retractionMailboxes.mailboxUpn, 'bob@contoso.com'),
        ),
      );
    await rerunNoticeJob(retraction.id);

    for (const person of PEOPLE) expect(await received(person, subject), person).toHaveLength(1);
    expect(await received(FROM, subject, 'sentitems')).toHaveLength(3);
    const audited = await noticesAudited(retraction.id, 4);
    expect(audited.flatMap((a) => a.details.alreadyDelivered)).toEqual(['bob@contoso.com']);
    const unsent = await api.app.database.db
      .select({ mailbox: retractionMailboxes.mailboxUpn })
      .from(retractionMailboxes)
      .where(
        and(
          eq(retractionMailboxes.retractionId, retraction.id),
          eq(retractionMailboxes.state, 'done'),
          isNull(retractionMailboxes.notifiedAt),
        ),
      );
    expect(unsent).toEqual([]);
  });

  it('an undo tells nobody', async () => {
    const noticeSubject = await noticesOn('undo');
    const { retraction } = await retract('moveToJunk', PEOPLE.slice(0, 2));
    await noticesAudited(retraction.id, 2);
    const undo = await api.as('admin@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${retraction.id}/undo`,
    });
    expect(undo.statusCode, undo.body).toBe(202);
    expect(await waitFor(api, undo.json().id)).toMatchObject({ status: 'completed', counts: { done: 2 } });
    expect(await noticeJobs(undo.json().id)).toBe(0);
    for (const person of PEOPLE.slice(0, 2))
      expect(await received(person, noticeSubject(retraction.subject!))).toHaveLength(1);
  });
});

describe('with notices off', () => {
  it('a hard delete tells nobody', async () => {
    const off = await putPolicy({
      notify: { enabled: false, fromMailbox: FROM, subject: 'Silent [{{subject}}]' },
    });
    expect(off.statusCode, off.body).toBe(200);
    const { retraction } = await retract('hardDelete');
    expect(await noticeJobs(retraction.id)).toBe(0);
    for (const person of PEOPLE)
      expect(await received(person, `Silent [${retraction.subject}]`), person).toHaveLength(0);
  });
});

describe('the notice setting', () => {
  it.each([
    ['on without a sender', { enabled: true }],
    ['a sender that is not an address', { enabled: true, fromMailbox: "x' or true or 'a" }],
    ['an unknown placeholder', { enabled: true, fromMailbox: FROM, body: 'Hi {{password}}' }],
    ['a subject over 255 characters', { enabled: true, fromMailbox: FROM, subject: 'x'.repeat(256) }],
    ['a field it does not know', { enabled: true, fromMailbox: FROM, bcc: 'all@contoso.com' }],
  ])('refuses %s with a 400 problem', async (_case, notify) => {
    const response = await putPolicy({ notify });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps its texts when an older client turns notices on through notifyRecipients/notifyFrom', async () => {
    await putPolicy({ notify: { enabled: false, fromMailbox: null, subject: 'Kept {{subject}}' } });
    // What a client written before `notify` sends: the policy without it.
    const { notify: _notify, ...older } = (await getPolicy()).policy;
    const legacy = await api.as('admin@contoso.com', {
      method: 'PUT',
      url: '/api/v1/policies/auto-retraction',
      payload: { ...older, notifyRecipients: true, notifyFrom: FROM },
    });
    expect(legacy.statusCode, legacy.body).toBe(200);
    const { policy } = await getPolicy();
    expect(policy).toMatchObject({
      notify: { enabled: true, fromMailbox: FROM, subject: 'Kept {{subject}}' },
      notifyRecipients: true,
      notifyFrom: FROM,
    });
    const refused = await api.as('admin@contoso.com', {
      method: 'PUT',
      url: '/api/v1/policies/auto-retraction',
      payload: { ...older, notifyRecipients: true, notifyFrom: null },
    });
    expect(refused.statusCode).toBe(400);
  });
});
