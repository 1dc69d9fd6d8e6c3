// What a batch collects from a custodian's mailbox, checked against the sandbox's own state: every
// visible folder (a custom one too), Deleted Items, soft-deleted items in Recoverable Items, not the
// purged or hidden ones, no drafts by default, meeting messages, calendar events, a distribution
// list's message as each member's copy; and that the exports parse and say the same.
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { CollectionBatch, ExportedItem } from '@clawback/shared';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { followPages } from '../../helpers/directory.js';
import { graphClient } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import {
  ADMIN,
  DAY,
  HOUR,
  createCollection,
  deliver,
  exportJsonl,
  exportRaw,
  iso,
  runBatch,
  sandboxCopies,
  type Delivered,
} from './collections-fixtures.js';

const BOB = 'bob@contoso.com';
const ATTACHMENT = Buffer.from('quarterly numbers\n1,2,3\n');

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;
let batch: CollectionBatch;
let collectionId: string;
let items: ExportedItem[];
const sent: Record<string, Delivered> = {};
let meetingUid: string;

async function bobMessage(key: string, extra: Record<string, unknown> = {}) {
  sent[key] = await deliver(api, {
    from: 'carol@fabrikam.example',
    to: [BOB],
    subject: `Collection fixture ${key}`,
    body: `<html><body><p>Fixture <b>${key}</b></p><ul><li>one</li></ul></body></html>`,
    receivedDateTime: iso(Date.now() - 2 * HOUR),
    ...extra,
  });
  return sent[key]!.copies[0]!.id;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
  graph = graphClient(sandbox, { immutableIds: true });
  await api.app.directoryAdmin.runSync(api.config.tenantId);

  await bobMessage('inbox', {
    attachments: [
      { name: 'numbers.csv', contentType: 'text/csv', contentBase64: ATTACHMENT.toString('base64') },
    ],
  });
  const deleted = await bobMessage('deleted');
  await graph.api(`/users/${BOB}/messages/${deleted}/move`).post({ destinationId: 'deleteditems' });
  const soft = await bobMessage('soft');
  await graph.api(`/users/${BOB}/messages/${soft}`).delete();
  const purged = await bobMessage('purged');
  await graph.api(`/users/${BOB}/messages/${purged}/permanentDelete`).post({});
  const custom = await graph.api(`/users/${BOB}/mailFolders`).post({ displayName: 'Case files' });
  const filed = await bobMessage('custom');
  await graph.api(`/users/${BOB}/messages/${filed}/move`).post({ destinationId: custom.id });
  const hidden = await graph
    .api(`/users/${BOB}/mailFolders`)
    .post({ displayName: 'Hidden stash', isHidden: true });
  const stashed = await bobMessage('hidden');
  await graph.api(`/users/${BOB}/messages/${stashed}/move`).post({ destinationId: hidden.id });
  sent.list = await deliver(api, {
    from: 'dana@fabrikam.example',
    to: ['engineering@contoso.com'],
    subject: 'Collection fixture list',
    receivedDateTime: iso(Date.now() - 3 * HOUR),
  });
  const meeting = await sandbox.control.post<{ iCalUId: string }>('/events', {
    organizer: 'alice@contoso.com',
    attendees: [BOB],
    subject: 'Collection fixture meeting, with a comma; and more',
    start: iso(Date.now() - 3 * HOUR),
    end: iso(Date.now() - 2 * HOUR),
    location: 'Room 101',
  });
  meetingUid = meeting.iCalUId;

  const collection = await createCollection(api, {
    name: 'Engineering and Bob',
    monitored: { users: [BOB], groups: ['engineering@contoso.com'] },
    collectFrom: iso(Date.now() - 30 * DAY),
    settings: { frequencyMinutes: 24 * 60, maxBatchesToMerge: 60 },
  });
  collectionId = collection.id;
  batch = await runBatch(api, collectionId);
  items = await exportJsonl(api, collectionId, batch.id);
}, 120_000);

afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const bobItem = (key: string) =>
  items.find((i) => i.mailbox === BOB && i.internetMessageId === sent[key]!.internetMessageId);

describe('a batch over a custodian mailbox', () => {
  it('completes with the seed defaults and counts what it stored', async () => {
    expect(batch.status).toBe('completed');
    expect(batch.counts.failed).toBe(0);
    expect(batch.counts.messages).toBe(items.filter((i) => i.kind === 'message').length);
    expect(batch.counts.events).toBe(items.filter((i) => i.kind === 'event').length);
    const collection = (
      await api.as(ADMIN, { method: 'GET', url: `/api/v1/collections/${collectionId}` })
    ).json();
    expect(collection.settings).toEqual({
      collectDrafts: false,
      monitoredIndividualsPerJob: 100,
      useQuickDiscovery: true,
      frequencyMinutes: 1440,
      mergeBatchesDuringColdStart: true,
      maxBatchesToMerge: 60,
      collectionPeriodOffsetMinutes: 0,
    });
  });

  it('collects deleted, soft-deleted and custom-folder items where the sandbox has them', async () => {
    for (const key of ['inbox', 'deleted', 'soft', 'custom']) {
      const [copy] = await sandboxCopies(api, sent[key]!.internetMessageId);
      expect(bobItem(key)?.folder, key).toBe(copy!.folder);
    }
    expect(bobItem('deleted')?.folder).toBe('deleteditems');
    expect(bobItem('soft')?.folder).toBe('recoverableitemsdeletions');
    expect(bobItem('custom')?.folder).toBe('Case files');
  });

  it('leaves out purged items (beyond Graph) and hidden folders', async () => {
    expect((await sandboxCopies(api, sent.purged!.internetMessageId))[0]!.folder).toBe(
      'recoverableitemspurges',
    );
    expect(bobItem('purged')).toBeUndefined();
    expect(bobItem('hidden')).toBeUndefined();
    expect(batch.problems).toEqual([]);
  });

  it('keeps formatted text as plain text and attachments as metadata with their SHA-256', () => {
    const item = bobItem('inbox')!;
    expect(item.body).toContain('Fixture inbox');
    expect(item.body).not.toMatch(/<\/?(p|b|html)>/);
    expect(item.attachments).toEqual([
      {
        name: 'numbers.csv',
        contentType: 'text/csv',
        size: ATTACHMENT.length,
        isInline: false,
        sha256: createHash('sha256').update(ATTACHMENT).digest('hex'),
      },
    ]);
  });

  it('collects no drafts unless the data source asks for them', () => {
    expect(items.some((i) => i.isDraft)).toBe(false);
    expect(items.some((i) => i.subject === 'Draft: ideas for next quarter')).toBe(false);
  });

  it("collects a distribution list's message as each member mailbox's copy", async () => {
    const copies = await sandboxCopies(api, sent.list!.internetMessageId);
    expect(copies.length).toBeGreaterThan(2);
    const collected = items.filter((i) => i.internetMessageId === sent.list!.internetMessageId);
    expect(collected.map((i) => i.mailbox).sort()).toEqual(copies.map((c) => c.mailbox).sort());
  });

  it("matches every custodian's visible mail in the window, meeting messages with their type", async () => {
    const mailboxes = [...new Set(items.map((i) => i.mailbox))];
    expect(mailboxes.length).toBeGreaterThan(3);
    for (const mailbox of mailboxes) {
      const { items: live } = await followPages<{
        id: string;
        isDraft: boolean;
        receivedDateTime: string;
        meetingMessageType?: string;
      }>(graph, `/users/${mailbox}/messages?$top=500`);
      const hiddenIds = new Set(mailbox === BOB ? [sent.hidden!.copies[0]!.id] : []);
      const inWindow = (received: string) =>
        Date.parse(received) >= Date.parse(batch.windowStart) &&
        Date.parse(received) < Date.parse(batch.windowEnd);
      const expected = live.filter((m) => !m.isDraft && !hiddenIds.has(m.id) && inWindow(m.receivedDateTime));
      const collected = items.filter((i) => i.mailbox === mailbox && i.kind === 'message');
      const deletions = collected.filter((i) => i.folder === 'recoverableitemsdeletions').length;
      expect(collected.length - deletions, mailbox).toBe(expected.length);
      const byId = new Map(collected.map((i) => [i.id, i]));
      for (const message of expected) {
        expect(byId.has(message.id), `${mailbox} ${message.id}`).toBe(true);
        if (message.meetingMessageType)
          expect(byId.get(message.id)!.meetingMessageType).toBe(message.meetingMessageType);
      }
    }
    expect(items.some((i) => i.meetingMessageType === 'meetingRequest')).toBe(true);
  });

  it('feeds the message index that message search reads', async () => {
    const response = await api.as('reader@contoso.com', {
      method: 'GET',
      url: `/api/v1/messages?internetMessageId=${encodeURIComponent(sent.inbox!.internetMessageId)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const [copy] = response.json().items;
    expect(copy).toMatchObject({
      mailbox: BOB,
      folder: 'inbox',
      source: 'collection',
      sender: 'carol@fabrikam.example',
    });
    const bySender = await api.as('reader@contoso.com', {
      method: 'GET',
      url: '/api/v1/messages?sender=dana@fabrikam.example&limit=2',
    });
    const page = bySender.json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const next = await api.as('reader@contoso.com', {
      method: 'GET',
      url: `/api/v1/messages?sender=dana@fabrikam.example&limit=500&cursor=${page.nextCursor}`,
    });
    const copies = await sandboxCopies(api, sent.list!.internetMessageId);
    expect(page.items.length + next.json().items.length).toBe(copies.length);
  });
});

describe('exports', () => {
  it('EML: a digest of Graph MIME that a mail parser reads back as the collected messages', async () => {
    const response = await exportRaw(api, collectionId, `format=eml&batchId=${batch.id}&mailbox=${BOB}`);
    expect(response.headers['content-type']).toContain('message/rfc822');
    const digest = await simpleParser(response.rawPayload);
    const parts = await Promise.all(digest.attachments.map((a) => simpleParser(a.content)));
    const expected = items.filter((i) => i.mailbox === BOB && i.kind === 'message');
    expect(parts.map((p) => p.messageId).sort()).toEqual(expected.map((i) => i.internetMessageId).sort());
    const inbox = parts.find((p) => p.messageId === sent.inbox!.internetMessageId)!;
    expect(inbox.subject).toBe('Collection fixture inbox');
    expect(inbox.attachments[0]!.content.equals(ATTACHMENT)).toBe(true);
  });

  it("ICS: the custodians' calendar events in the window, readable by an iCalendar parser", async () => {
    const response = await exportRaw(api, collectionId, `format=ics&batchId=${batch.id}`);
    expect(response.headers['content-type']).toContain('text/calendar');
    const parsed = Object.values(ical.sync.parseICS(response.body)).flatMap((c) =>
      c?.type === 'VEVENT' ? [c as unknown as Record<string, string> & { start: Date; summary: string }] : [],
    );
    const events = items.filter((i) => i.kind === 'event');
    expect(parsed).toHaveLength(events.length);
    const meeting = parsed.find(
      (e) => e['CLAWBACK-ICALUID'] === meetingUid && e['CLAWBACK-MAILBOX'] === BOB,
    )!;
    expect(meeting.summary).toBe('Collection fixture meeting, with a comma; and more');
    const stored = events.find((e) => e.event!.iCalUId === meetingUid && e.mailbox === BOB)!;
    expect(meeting.start.toISOString()).toBe(stored.event!.start);
    const live = await followPages<{ iCalUId: string }>(
      graph,
      `/users/${BOB}/calendarView?startDateTime=${batch.windowStart}&endDateTime=${batch.windowEnd}`,
    );
    const bobEvents = parsed.filter((e) => e['CLAWBACK-MAILBOX'] === BOB).map((e) => e['CLAWBACK-ICALUID']);
    expect(bobEvents.sort()).toEqual(live.items.map((e) => e.iCalUId).sort());
  });

  it('EML: a message purged since it was collected is rebuilt from what was collected, and says so', async () => {
    const id = sent.custom!.copies[0]!.id;
    await graph.api(`/users/${BOB}/messages/${id}/permanentDelete`).post({});
    const response = await exportRaw(api, collectionId, `format=eml&batchId=${batch.id}&mailbox=${BOB}`);
    const digest = await simpleParser(response.rawPayload);
    const parts = await Promise.all(digest.attachments.map((a) => simpleParser(a.content)));
    const rebuilt = parts.find((p) => p.messageId === sent.custom!.internetMessageId)!;
    expect(rebuilt.headers.get('x-clawback-reconstructed')).toBe('no longer in the mailbox');
    expect(rebuilt.subject).toBe('Collection fixture custom');
    expect(rebuilt.text).toContain('Fixture custom');
    expect(parts.filter((p) => p.headers.has('x-clawback-reconstructed'))).toHaveLength(1);
  });

  it('JSON Lines for a date range holds what the batch holds', async () => {
    const response = await exportRaw(
      api,
      collectionId,
      `format=jsonl&from=${encodeURIComponent(batch.windowStart)}&to=${encodeURIComponent(batch.windowEnd)}`,
    );
    const lines = response.body.split('\n').filter(Boolean);
    const messages = items.filter((i) => i.kind === 'message');
    expect(lines.filter((l) => JSON.parse(l).kind === 'message')).toHaveLength(messages.length);
  });
});

describe('access and validation', () => {
  it('lets readers list but not create, run or export', async () => {
    const reader = 'reader@contoso.com';
    expect((await api.as(reader, { method: 'GET', url: '/api/v1/collections' })).statusCode).toBe(200);
    const create = await api.as(reader, {
      method: 'POST',
      url: '/api/v1/collections',
      payload: { name: 'x', monitored: { users: [BOB] } },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('role_required');
    const run = await api.as(reader, { method: 'POST', url: `/api/v1/collections/${collectionId}/run` });
    expect(run.statusCode).toBe(403);
    const exported = await api.as(reader, {
      method: 'GET',
      url: `/api/v1/collections/${collectionId}/export?format=jsonl&batchId=${batch.id}`,
    });
    expect(exported.statusCode).toBe(403);
  });

  it('refuses unknown fields and bad settings, naming them', async () => {
    const response = await api.as(ADMIN, {
      method: 'POST',
      url: '/api/v1/collections',
      payload: { name: 'x', monitored: { users: [BOB] }, settings: { frequencyMinutes: 0 }, archive: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.body).toMatch(/archive|frequencyMinutes/);
  });

  it('audits creation, runs, exports and message searches', async () => {
    const audit = await api.as(ADMIN, { method: 'GET', url: '/api/v1/audit?action=collection.*&limit=100' });
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    for (const action of [
      'collection.created',
      'collection.run',
      'collection.exported',
      'collection.batch.started',
      'collection.batch.completed',
    ])
      expect(actions).toContain(action);
    const searches = await api.as(ADMIN, { method: 'GET', url: '/api/v1/audit?action=message.searched' });
    const [search] = searches.json().items;
    expect(search).toMatchObject({ actorName: 'reader@contoso.com', outcome: 'success' });
    expect(search.details.query.sender ?? search.details.query.internetMessageId).toBeTruthy();
  });
});
