// Meeting invitations leave an event in every recipient's calendar. With scope.includeCalendarEvents
// a retraction removes those events along with the messages (and the plan counts them apart);
// without it the events stay. Events are found by the meeting's iCalUId, so one whose invitation
// was already filed away is found too, and the organizer's own event is never touched.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Retraction } from '@clawback/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { graphClient } from '../../helpers/graph.js';
import { copiesOf, requestRetraction, waitFor } from '../../helpers/retractions.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { onboardTenant } from '../../helpers/tenant.js';

const PEOPLE = ['alice@contoso.com', 'bob@contoso.com', 'user0003@contoso.com'];
const PHISHER = 'calendar@events-c0ntoso.example';

type Copies = { mailbox: string; id: string }[];
interface Invitation {
  iCalUId: string;
  copies: Copies;
  invitation: { internetMessageId: string; copies: Copies };
}

let sandbox: TestSandbox;
let api: TestApi;
let graph: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
  graph = graphClient(sandbox, { immutableIds: true });
  await onboardTenant(api);
  const { policy } = (
    await api.as('admin@contoso.com', { method: 'GET', url: '/api/v1/policies/auto-retraction' })
  ).json();
  await api.as('admin@contoso.com', {
    method: 'PUT',
    url: '/api/v1/policies/auto-retraction',
    payload: { ...policy, requireApproval: [] },
  });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

/** A meeting request from outside the tenant, delivered with its event to each attendee. */
function invite(attendees = PEOPLE, organizer = PHISHER) {
  return sandbox.control.post<Invitation>('/events', {
    organizer,
    attendees,
    subject: `Urgent: benefits enrolment ${Math.random().toString(36).slice(2, 8)}`,
    body: '<p>Confirm your details <a href="https://events-c0ntoso.example/enrol">here</a></p>',
    start: '2031-11-03T09:00:00Z',
    end: '2031-11-03T09:30:00Z',
    invite: true,
  });
}

/** The calendars (of `mailboxes`) that still hold a copy of the meeting. */
async function calendarsHolding(iCalUId: string, mailboxes = PEOPLE): Promise<string[]> {
  const holding: string[] = [];
  for (const mailbox of mailboxes) {
    const page = (await graph
      .api(`/users/${mailbox}/events`)
      .filter(`iCalUId eq '${iCalUId}'`)
      .select('id')
      .get()) as { value: unknown[] };
    if (page.value.length > 0) holding.push(mailbox);
  }
  return holding;
}

async function retract(body: Record<string, unknown>): Promise<Retraction> {
  const response = await requestRetraction(api, 'admin@contoso.com', body);
  expect(response.statusCode, response.body).toBe(202);
  return waitFor(api, response.json().id);
}

async function mailboxRows(retractionId: string) {
  const response = await api.as('admin@contoso.com', {
    method: 'GET',
    url: `/api/v1/retractions/${retractionId}/mailboxes?state=done`,
  });
  return response.json().items as {
    mailbox: string;
    copies: { outcome: string }[];
    events?: { outcome: string }[];
  }[];
}

describe('a meeting invitation retracted with includeCalendarEvents', () => {
  it('moves the messages to Junk and deletes the event from every calendar', async () => {
    const meeting = await invite();
    const done = await retract({
      internetMessageId: meeting.invitation.internetMessageId,
      action: 'moveToJunk',
      scope: { allPublished: true, includeCalendarEvents: true },
    });
    expect(done).toMatchObject({
      status: 'completed',
      counts: { done: 3, failed: 0 },
      plan: { copies: 3, events: { copies: 3, mailboxes: 3, handling: 'delete' } },
    });
    expect(done.recoverability).toMatch(/undo does not bring them back/);
    const copies = await copiesOf(api, meeting.invitation.internetMessageId);
    expect(copies.map((c) => c.folder)).toEqual(['junkemail', 'junkemail', 'junkemail']);
    expect(await calendarsHolding(meeting.iCalUId)).toEqual([]);
    for (const row of await mailboxRows(done.id))
      expect(row.events).toEqual([expect.objectContaining({ outcome: 'done' })]);
  });

  it('finds the event of an invitation its recipient already threw away, and purges events on a hard delete', async () => {
    const meeting = await invite();
    const carol = meeting.invitation.copies.find((c) => c.mailbox === PEOPLE[2])!;
    await graph.api(`/users/${carol.mailbox}/messages/${carol.id}/permanentDelete`).post({});
    const done = await retract({
      internetMessageId: meeting.invitation.internetMessageId,
      action: 'hardDelete',
      scope: { allPublished: true, includeCalendarEvents: true },
    });
    expect(done).toMatchObject({
      status: 'completed',
      counts: { done: 3 },
      plan: { copies: 2, events: { copies: 3, handling: 'permanentDelete' } },
    });
    expect(await calendarsHolding(meeting.iCalUId)).toEqual([]);
    const rows = await mailboxRows(done.id);
    expect(rows.find((r) => r.mailbox === carol.mailbox)).toMatchObject({
      copies: [],
      events: [{ outcome: 'done' }],
    });
  });

  it("leaves the organizer's own event when the organizer is in the tenant", async () => {
    const meeting = await invite(PEOPLE.slice(1), PEOPLE[0]);
    const done = await retract({
      internetMessageId: meeting.invitation.internetMessageId,
      action: 'moveToDeletedItems',
      scope: { allPublished: true, includeSenderCopy: true, includeCalendarEvents: true },
    });
    expect(done).toMatchObject({ status: 'completed', plan: { events: { copies: 2 } } });
    expect(done.plan!.notes).toContainEqual(expect.stringMatching(/organizer's own event is left/));
    expect(await calendarsHolding(meeting.iCalUId)).toEqual([PEOPLE[0]]);
  });

  it('a dry run counts the events and deletes none', async () => {
    const meeting = await invite();
    const plan = await retract({
      internetMessageId: meeting.invitation.internetMessageId,
      action: 'softDelete',
      dryRun: true,
      scope: { allPublished: true, includeCalendarEvents: true },
    });
    expect(plan.plan).toMatchObject({ copies: 3, events: { copies: 3, mailboxes: 3, handling: 'delete' } });
    expect(await calendarsHolding(meeting.iCalUId)).toEqual(PEOPLE);
  });
});

describe('a meeting invitation retracted without includeCalendarEvents', () => {
  it('moves the messages and leaves the events in the calendars', async () => {
    const meeting = await invite();
    const done = await retract({
      internetMessageId: meeting.invitation.internetMessageId,
      action: 'moveToJunk',
      scope: { allPublished: true },
    });
    expect(done).toMatchObject({ status: 'completed', counts: { done: 3 } });
    expect(done.plan).not.toHaveProperty('events');
    const copies = await copiesOf(api, meeting.invitation.internetMessageId);
    expect(copies.map((c) => c.folder)).toEqual(['junkemail', 'junkemail', 'junkemail']);
    expect(await calendarsHolding(meeting.iCalUId)).toEqual(PEOPLE);
  });
});

describe('includeCalendarEvents on a message that is not a meeting request', () => {
  it('retracts the message and says there were no events to remove', async () => {
    const message = await sandbox.control.post<{ internetMessageId: string }>('/deliver', {
      from: PHISHER,
      to: PEOPLE.slice(0, 1),
      subject: 'plain phish',
    });
    const done = await retract({
      internetMessageId: message.internetMessageId,
      action: 'moveToJunk',
      scope: { allPublished: true, includeCalendarEvents: true },
    });
    expect(done).toMatchObject({ status: 'completed', counts: { done: 1 }, plan: { events: { copies: 0 } } });
    expect(done.plan!.notes).toContainEqual(expect.stringMatching(/not a meeting request/));
  });
});
