// Contract: calendar events through the real Graph SDK — the event resource's shape, calendarView's
// required window and overlap rule, paging, $select, and the calendarView delta round
// (nextLink → deltaLink, then only what changed).
import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let client: Client;

type Page<T> = { value: T[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
type Meeting = { iCalUId: string; copies: { mailbox: string; id: string }[] };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = graphClient(sandbox);
});
afterAll(() => sandbox.close());

/** Puts a meeting on the organizer's and attendees' calendars (what an accepted invite does). */
function meeting(organizer: string, attendees: string[], start: string, end: string, extra = {}) {
  return sandbox.control.post<Meeting>('/events', {
    organizer,
    attendees,
    subject: `Sync ${start}`,
    body: '<html><body><p>Agenda: <b>numbers</b></p></body></html>',
    start,
    end,
    location: 'Room 101',
    ...extra,
  });
}

function copyIn(result: Meeting, mailbox: string): string {
  return result.copies.find((c) => c.mailbox === mailbox)!.id;
}

/** Follows @odata.nextLink to the end, as a client must. */
async function allPages<T>(
  path: string,
  prefer?: string,
): Promise<{ items: T[]; pages: number; last: Page<T> }> {
  const items: T[] = [];
  let pages = 0;
  let link: string | undefined = path;
  let last: Page<T> | undefined;
  while (link) {
    const request = client.api(link);
    if (prefer) request.header('Prefer', prefer);
    last = (await request.get()) as Page<T>;
    items.push(...last.value);
    pages += 1;
    link = last['@odata.nextLink'];
  }
  return { items, pages, last: last! };
}

describe('event resource', () => {
  it('has Graph’s shape, seen from the organizer’s and an attendee’s calendar', async () => {
    const created = await meeting(
      'alice@contoso.com',
      ['bob@contoso.com'],
      '2031-05-01T09:00:00Z',
      '2031-05-01T10:00:00Z',
    );
    const mine = (await client
      .api(`/users/alice@contoso.com/events/${copyIn(created, 'alice@contoso.com')}`)
      .get()) as MicrosoftGraph.Event & Record<string, unknown>;
    expect(mine).toMatchObject({
      '@odata.context': expect.stringMatching(
        /\/v1\.0\/\$metadata#users\('alice%40contoso\.com'\)\/events\/\$entity$/,
      ),
      '@odata.etag': expect.stringMatching(/^W\/".+"$/),
      subject: 'Sync 2031-05-01T09:00:00Z',
      bodyPreview: 'Agenda: numbers',
      body: { contentType: 'html', content: expect.stringContaining('<b>numbers</b>') },
      start: { dateTime: '2031-05-01T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2031-05-01T10:00:00.0000000', timeZone: 'UTC' },
      location: { displayName: 'Room 101' },
      organizer: { emailAddress: { address: 'alice@contoso.com' } },
      attendees: [
        {
          type: 'required',
          status: { response: 'none' },
          emailAddress: { address: 'bob@contoso.com', name: expect.any(String) },
        },
      ],
      iCalUId: created.iCalUId,
      isCancelled: false,
      isAllDay: false,
      isOrganizer: true,
      responseStatus: { response: 'organizer' },
      createdDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/),
      lastModifiedDateTime: expect.stringMatching(/Z$/),
    });
    const theirs = (await client
      .api(`/users/bob@contoso.com/events/${copyIn(created, 'bob@contoso.com')}`)
      .get()) as MicrosoftGraph.Event;
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs).toMatchObject({
      iCalUId: created.iCalUId,
      isOrganizer: false,
      responseStatus: { response: 'notResponded' },
    });
  });

  it('keeps only selected properties (and id, annotations)', async () => {
    const created = await meeting('alice@contoso.com', [], '2031-05-02T09:00:00Z', '2031-05-02T09:30:00Z');
    const event = await client
      .api(`/users/alice@contoso.com/events/${copyIn(created, 'alice@contoso.com')}`)
      .select(['subject', 'start'])
      .get();
    expect(Object.keys(event).sort()).toEqual(['@odata.context', '@odata.etag', 'id', 'start', 'subject']);
  });

  it('answers 404 ErrorItemNotFound for a missing id and 400 for a malformed one', async () => {
    const missing = 'AAMkAE' + 'x'.repeat(40);
    await expect(client.api(`/users/alice@contoso.com/events/${missing}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
    });
    await expect(client.api('/users/alice@contoso.com/events/nope').get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidIdMalformed',
    });
  });

  it('pages /events with $top and opaque next links, losing nothing', async () => {
    const owner = 'user0004@contoso.com';
    const mine = new Set<string>();
    for (let day = 10; day < 15; day += 1) {
      const created = await meeting(owner, [], `2031-05-${day}T08:00:00Z`, `2031-05-${day}T09:00:00Z`);
      mine.add(copyIn(created, owner));
    }
    const { items, pages } = await allPages<MicrosoftGraph.Event>(`/users/${owner}/events?$top=2`);
    const ids = items.map((e) => e.id!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of mine) expect(ids).toContain(id);
    expect(pages).toBe(Math.ceil(ids.length / 2));
  });

  it('needs Calendars.Read: 403 ErrorAccessDenied without it', async () => {
    const app = await sandbox.control.get<{ requiredPermissions: string[] }>('/app');
    await sandbox.control.put('/app', { permissions: ['Mail.ReadWrite', 'User.Read.All'] });
    try {
      const response = await graphFetch(sandbox, '/users/alice@contoso.com/events');
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('ErrorAccessDenied');
    } finally {
      await sandbox.control.put('/app', { permissions: app.requiredPermissions });
    }
  });
});

describe('calendarView', () => {
  it('requires both startDateTime and endDateTime', async () => {
    await expect(
      client.api('/users/alice@contoso.com/calendarView?startDateTime=2031-06-01T00:00:00Z').get(),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidParameter',
      message:
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    });
  });

  it('returns the events overlapping the window, cancelled ones included', async () => {
    const owner = 'user0005@contoso.com';
    const inside = await meeting(owner, [], '2031-06-03T09:00:00Z', '2031-06-03T10:00:00Z');
    const straddling = await meeting(owner, [], '2031-06-02T23:00:00Z', '2031-06-03T01:00:00Z');
    const cancelled = await meeting(owner, [], '2031-06-03T15:00:00Z', '2031-06-03T16:00:00Z', {
      isCancelled: true,
    });
    const endsAtStart = await meeting(owner, [], '2031-06-02T22:00:00Z', '2031-06-03T00:00:00Z');
    const after = await meeting(owner, [], '2031-06-04T00:00:00Z', '2031-06-04T01:00:00Z');
    // Graph's own examples spell the parameters in lower case.
    const { items } = await allPages<MicrosoftGraph.Event>(
      `/users/${owner}/calendarView?startdatetime=2031-06-03T00:00:00Z&enddatetime=2031-06-04T00:00:00Z&$top=2`,
    );
    const ids = items.map((e) => e.id);
    expect(ids.sort()).toEqual([inside, straddling, cancelled].map((m) => copyIn(m, owner)).sort());
    expect(ids).not.toContain(copyIn(endsAtStart, owner));
    expect(ids).not.toContain(copyIn(after, owner));
    expect(items.find((e) => e.id === copyIn(cancelled, owner))).toMatchObject({ isCancelled: true });
  });

  it('treats a window without a zone as UTC', async () => {
    const owner = 'user0006@contoso.com';
    const created = await meeting(owner, [], '2031-06-10T09:00:00Z', '2031-06-10T10:00:00Z');
    const page = (await client
      .api(`/users/${owner}/calendarView?startDateTime=2031-06-10T08:30:00&endDateTime=2031-06-10T09:30:00`)
      .get()) as Page<MicrosoftGraph.Event>;
    expect(page.value.map((e) => e.id)).toEqual([copyIn(created, owner)]);
  });
});

describe('calendarView delta', () => {
  const owner = 'user0007@contoso.com';
  const window = 'startDateTime=2031-07-01T00:00:00Z&endDateTime=2031-07-08T00:00:00Z';
  type DeltaItem = MicrosoftGraph.Event & { '@removed'?: { reason: string } };

  it('refuses a first call without its window', async () => {
    await expect(client.api(`/users/${owner}/calendarView/delta`).get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidParameter',
    });
  });

  it('pages a round to a deltaLink, then reports only changes, removals included', async () => {
    const kept = await meeting(owner, [], '2031-07-01T09:00:00Z', '2031-07-01T10:00:00Z');
    const toCancel = await meeting(owner, [], '2031-07-02T09:00:00Z', '2031-07-02T10:00:00Z');
    const toDelete = await meeting(owner, [], '2031-07-03T09:00:00Z', '2031-07-03T10:00:00Z');
    const toMoveOut = await meeting(owner, [], '2031-07-04T09:00:00Z', '2031-07-04T10:00:00Z');
    const outside = await meeting(owner, [], '2031-08-01T09:00:00Z', '2031-08-01T10:00:00Z');

    const first = await allPages<DeltaItem>(
      `/users/${owner}/calendarView/delta?${window}`,
      'odata.maxpagesize=2',
    );
    expect(first.pages).toBe(2);
    expect(first.items.map((e) => e.id).sort()).toEqual(
      [kept, toCancel, toDelete, toMoveOut].map((m) => copyIn(m, owner)).sort(),
    );
    expect(first.items.every((e) => !e['@removed'])).toBe(true);
    const deltaLink = first.last['@odata.deltaLink']!;
    expect(deltaLink).toMatch(/\/calendarView\/delta\?\$deltatoken=/);
    expect(deltaLink).not.toMatch(/startDateTime/i);

    await fetchControl('PATCH', `/events/${toCancel.iCalUId}`, { isCancelled: true });
    await fetchControl('DELETE', `/events/${toDelete.iCalUId}`);
    await fetchControl('PATCH', `/events/${toMoveOut.iCalUId}`, {
      start: '2031-09-01T09:00:00Z',
      end: '2031-09-01T10:00:00Z',
    });
    const added = await meeting(owner, [], '2031-07-05T09:00:00Z', '2031-07-05T10:00:00Z');
    await fetchControl('PATCH', `/events/${outside.iCalUId}`, { subject: 'still outside' });

    const second = await allPages<DeltaItem>(deltaLink, 'odata.maxpagesize=2');
    const byId = new Map(second.items.map((e) => [e.id, e]));
    expect(byId.get(copyIn(toCancel, owner))).toMatchObject({ isCancelled: true });
    expect(byId.get(copyIn(toDelete, owner))).toMatchObject({ '@removed': { reason: 'deleted' } });
    expect(byId.get(copyIn(toMoveOut, owner))).toMatchObject({ '@removed': { reason: 'deleted' } });
    expect(byId.get(copyIn(added, owner))).toMatchObject({ subject: expect.any(String) });
    expect(byId.has(copyIn(kept, owner))).toBe(false);
    // Graph reports any change outside the window as a removal; a client filters those.
    expect(byId.get(copyIn(outside, owner))).toMatchObject({ '@removed': { reason: 'deleted' } });
    expect(second.items).toHaveLength(5);

    const third = await allPages<DeltaItem>(second.last['@odata.deltaLink']!);
    expect(third.items).toEqual([]);
  });

  it('refuses $select, which calendarView delta does not support', async () => {
    await expect(
      client.api(`/users/${owner}/calendarView/delta?${window}&$select=subject`).get(),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});

async function fetchControl(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
}
