// Contract: meeting invitations — the control plane delivers a meeting request with its events,
// a request leads to its recipient's own event ($expand=microsoft.graph.eventMessage/event), events
// are found by iCalUId, and one calendar's copy is deleted (or permanently deleted) alone.
import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { ALICE, BOB, literal, uniqueMessageId, withPermissions, type Page } from './mail-fixtures.js';

const CAROL = 'user0003@contoso.com';
const PHISHER = 'calendar@events-c0ntoso.example';

type Copies = { mailbox: string; id: string }[];
interface Invitation {
  iCalUId: string;
  copies: Copies;
  invitation: { internetMessageId: string; copies: Copies };
}
type EventMessage = MicrosoftGraph.EventMessageRequest & {
  '@odata.type'?: string;
  event?: MicrosoftGraph.Event;
};

let sandbox: TestSandbox;
let graph: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox, { immutableIds: true });
});
afterAll(() => sandbox.close());

function invite(attendees: string[], extra: Record<string, unknown> = {}) {
  return sandbox.control.post<Invitation>('/events', {
    organizer: PHISHER,
    attendees,
    subject: `Mandatory payroll review ${Math.random().toString(36).slice(2, 8)}`,
    body: '<p>Join at <a href="https://events-c0ntoso.example/join">this link</a></p>',
    start: '2031-10-01T09:00:00Z',
    end: '2031-10-01T10:00:00Z',
    invite: true,
    ...extra,
  });
}

const copyIn = (copies: Copies, mailbox: string) => copies.find((c) => c.mailbox === mailbox)!.id;

function eventsByUid(mailbox: string, iCalUId: string) {
  return graph
    .api(`/users/${mailbox}/events`)
    .filter(`iCalUId eq ${literal(iCalUId)}`)
    .select('id,subject,isOrganizer')
    .get() as Promise<Page<MicrosoftGraph.Event>>;
}

describe('an invitation from outside the tenant', () => {
  it('puts a meeting request in each attendee inbox and the event in each calendar, nothing for the organizer', async () => {
    const internetMessageId = uniqueMessageId('invite');
    const sent = await invite([ALICE, BOB, CAROL], { internetMessageId });
    expect(sent.invitation.internetMessageId).toBe(internetMessageId);
    expect(sent.invitation.copies.map((c) => c.mailbox).sort()).toEqual([ALICE, CAROL, BOB].sort());
    expect(sent.copies.map((c) => c.mailbox).sort()).toEqual([ALICE, CAROL, BOB].sort());

    const listed = (await graph
      .api(`/users/${BOB}/messages`)
      .filter(`internetMessageId eq ${literal(internetMessageId)}`)
      .select('id,subject')
      .get()) as Page<EventMessage>;
    expect(listed.value).toHaveLength(1);
    // A derived type is annotated in a list even under $select.
    expect(listed.value[0]!['@odata.type']).toBe('#microsoft.graph.eventMessageRequest');
  });

  it('leads from each request to its own recipient’s event through $expand', async () => {
    const sent = await invite([ALICE, BOB]);
    for (const mailbox of [ALICE, BOB]) {
      const message = (await graph
        .api(`/users/${mailbox}/messages/${copyIn(sent.invitation.copies, mailbox)}`)
        .expand('microsoft.graph.eventMessage/event')
        .get()) as EventMessage;
      expect(message).toMatchObject({
        '@odata.type': '#microsoft.graph.eventMessageRequest',
        meetingMessageType: 'meetingRequest',
        event: { id: copyIn(sent.copies, mailbox), iCalUId: sent.iCalUId, isOrganizer: false },
      });
    }
  });

  it('refuses a calendar entry from outside the tenant that came without an invitation', async () => {
    await expect(
      sandbox.control.post('/events', {
        organizer: PHISHER,
        attendees: [ALICE],
        subject: 'x',
        start: '2031-10-01T09:00:00Z',
        end: '2031-10-01T10:00:00Z',
      }),
    ).rejects.toThrow(/404/);
    await expect(invite([ALICE], { invite: false, internetMessageId: uniqueMessageId() })).rejects.toThrow(
      /400/,
    );
  });
});

describe('an invitation from inside the tenant', () => {
  it('keeps the request in the organizer’s Sent Items, linked to the organizer’s own event', async () => {
    const sent = await invite([BOB], { organizer: ALICE });
    const copies = await sandbox.control.get<{ mailbox: string; folder: string; id: string }[]>(
      `/messages?internetMessageId=${encodeURIComponent(sent.invitation.internetMessageId)}`,
    );
    expect(copies.map((c) => [c.mailbox, c.folder]).sort()).toEqual([
      [ALICE, 'sentitems'],
      [BOB, 'inbox'],
    ]);
    const [organizerCopy] = (await eventsByUid(ALICE, sent.iCalUId)).value;
    expect(organizerCopy).toMatchObject({ id: copyIn(sent.copies, ALICE), isOrganizer: true });
  });
});

describe('$expand on a message', () => {
  it('leaves a plain message without an event, and refuses other expansions with 501', async () => {
    const plain = await sandbox.control.post<{ copies: Copies }>('/deliver', {
      from: PHISHER,
      to: [ALICE],
      subject: 'not a meeting',
    });
    const message = (await graph
      .api(`/users/${ALICE}/messages/${plain.copies[0]!.id}`)
      .expand('microsoft.graph.eventMessage/event')
      .get()) as EventMessage;
    expect(message.subject).toBe('not a meeting');
    expect(message).not.toHaveProperty('event');
    await expect(
      graph.api(`/users/${ALICE}/messages/${plain.copies[0]!.id}`).expand('attachments').get(),
    ).rejects.toMatchObject({ statusCode: 501 });
  });
});

describe('events by iCalUId', () => {
  it('finds exactly the calendar’s copy of the meeting, and refuses other filters with 501', async () => {
    const sent = await invite([ALICE, BOB]);
    await invite([ALICE]);
    const page = await eventsByUid(ALICE, sent.iCalUId);
    expect(page.value.map((e) => e.id)).toEqual([copyIn(sent.copies, ALICE)]);
    expect((await eventsByUid(CAROL, sent.iCalUId)).value).toEqual([]);
    await expect(graph.api(`/users/${ALICE}/events`).filter("subject eq 'x'").get()).rejects.toMatchObject({
      statusCode: 501,
    });
  });
});

describe('deleting an event', () => {
  it('DELETE removes one calendar’s copy only: 204, then 404, the others stay', async () => {
    const sent = await invite([ALICE, BOB]);
    const alices = copyIn(sent.copies, ALICE);
    await graph.api(`/users/${ALICE}/events/${alices}`).delete();
    await expect(graph.api(`/users/${ALICE}/events/${alices}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
    });
    expect((await eventsByUid(ALICE, sent.iCalUId)).value).toEqual([]);
    expect((await eventsByUid(BOB, sent.iCalUId)).value).toHaveLength(1);
  });

  it('permanentDelete answers 204 and the copy is gone; a second one answers 404', async () => {
    const sent = await invite([BOB]);
    const path = `/users/${BOB}/events/${copyIn(sent.copies, BOB)}/permanentDelete`;
    const first = await graphFetch(sandbox, path, { method: 'POST' });
    expect(first.status).toBe(204);
    expect((await eventsByUid(BOB, sent.iCalUId)).value).toEqual([]);
    expect((await graphFetch(sandbox, path, { method: 'POST' })).status).toBe(404);
  });

  it('needs Calendars.ReadWrite: 403 ErrorAccessDenied with Calendars.Read alone', async () => {
    const sent = await invite([CAROL]);
    const path = `/users/${CAROL}/events/${copyIn(sent.copies, CAROL)}`;
    await withPermissions(sandbox, ['Calendars.Read', 'Mail.ReadWrite', 'User.Read.All'], async () => {
      const response = await graphFetch(sandbox, path, { method: 'DELETE' });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('ErrorAccessDenied');
    });
    expect((await eventsByUid(CAROL, sent.iCalUId)).value).toHaveLength(1);
  });

  it("refuses to delete the organizer's copy (Graph would cancel the meeting for everyone)", async () => {
    const sent = await invite([BOB], { organizer: ALICE });
    await expect(
      graph.api(`/users/${ALICE}/events/${copyIn(sent.copies, ALICE)}`).delete(),
    ).rejects.toMatchObject({ statusCode: 501 });
  });
});
