// Contract: message delta per folder — the nextLink/deltaLink protocol, later rounds with exactly
// what changed (new items, updates, @removed for what left), changeType, and the $filter limits.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { ALICE, BOB, deliver, type Message, type Page } from './mail-fixtures.js';

type DeltaItem = Message & { '@removed'?: { reason: string }; meetingMessageType?: string };

let sandbox: TestSandbox;
let graph: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox);
});
afterAll(() => sandbox.close());

/** Follows nextLinks to the deltaLink: every item of the round, the page count and the link. */
async function round(client: Client, first: string, pageSize = 5, immutableIds = false) {
  // One Prefer header carries both preferences; a second .header('Prefer') would replace the first.
  const prefer = `${immutableIds ? 'IdType="ImmutableId", ' : ''}odata.maxpagesize=${pageSize}`;
  const items: DeltaItem[] = [];
  let pages = 0;
  let page = (await client.api(first).header('Prefer', prefer).get()) as Page<DeltaItem>;
  for (;;) {
    pages += 1;
    expect(page.value.length).toBeLessThanOrEqual(pageSize);
    items.push(...page.value);
    if (page['@odata.deltaLink']) return { items, pages, deltaLink: page['@odata.deltaLink'] };
    expect(page['@odata.nextLink']).toMatch(/\$skiptoken=/);
    page = (await client.api(page['@odata.nextLink']!).header('Prefer', prefer).get()) as Page<DeltaItem>;
  }
}

describe('message delta', () => {
  it('syncs a folder, then returns exactly the new item and an @removed for the one moved out', async () => {
    const inbox = `/users/${BOB}/mailFolders/inbox/messages`;
    const initial = await round(graph, `${inbox}/delta`);
    const listed = (await graph.api(inbox).top(1000).select('id').get()) as Page<Message>;
    expect(initial.items.map((m) => m.id).sort()).toEqual(listed.value.map((m) => m.id).sort());
    expect(initial.pages).toBeGreaterThan(1);
    expect(initial.deltaLink).toMatch(/\$deltatoken=/);
    expect(
      initial.items.every((m) => m['@odata.type'] === '#microsoft.graph.message' || m.meetingMessageType),
    ).toBe(true);

    const arrived = await deliver(sandbox, { to: [BOB], subject: 'Arrived after sync' });
    const leaving = initial.items.find((m) => !m['@odata.type']?.includes('event'))!;
    await graph.api(`/users/${BOB}/messages/${leaving.id}/move`).post({ destinationId: 'junkemail' });

    const next = await round(graph, initial.deltaLink);
    expect(next.items).toHaveLength(2);
    const added = next.items.find((m) => !m['@removed'])!;
    expect(added).toMatchObject({
      subject: 'Arrived after sync',
      internetMessageId: arrived.internetMessageId,
    });
    expect(next.items.find((m) => m['@removed'])).toEqual({
      id: leaving.id,
      '@removed': { reason: 'deleted' },
    });

    const quiet = await round(graph, next.deltaLink);
    expect(quiet.items).toEqual([]);
  });

  it('reports updates and removals of a soft delete, filtered by changeType', async () => {
    const stable = graphClient(sandbox);
    const folder = `/users/${ALICE}/mailFolders/inbox/messages/delta`;
    const kept = await deliver(sandbox);
    const doomed = await deliver(sandbox);
    const start = await round(stable, folder, 50, true);
    await stable.api(`/users/${ALICE}/messages/${kept.copies[0]!.id}`).patch({ isRead: true });
    await stable.api(`/users/${ALICE}/messages/${doomed.copies[0]!.id}`).delete();
    expect(start.items.map((m) => m.id)).toEqual(
      expect.arrayContaining([kept.copies[0]!.id, doomed.copies[0]!.id]),
    );
    const fresh = await deliver(sandbox);

    const link = new URL(start.deltaLink);
    const only = async (changeType: string) => {
      const url = new URL(link);
      url.searchParams.set('changeType', changeType);
      return (await round(stable, url.toString(), 5, true)).items;
    };
    expect((await only('updated')).map((m) => m.id)).toEqual([kept.copies[0]!.id]);
    expect((await only('created')).map((m) => m.id)).toEqual([fresh.copies[0]!.id]);
    expect(await only('deleted')).toEqual([{ id: doomed.copies[0]!.id, '@removed': { reason: 'deleted' } }]);
  });

  it('applies $select and receivedDateTime ge to every round', async () => {
    await deliver(sandbox, { to: [BOB], receivedDateTime: '2019-05-05T00:00:00Z', subject: 'Old news' });
    const { items } = await round(
      graph,
      `/users/${BOB}/mailFolders/inbox/messages/delta?$select=subject&$filter=receivedDateTime ge 2020-01-01T00:00:00Z`,
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((m) => m.subject)).not.toContain('Old news');
    expect(Object.keys(items[0]!).sort()).toEqual(['@odata.etag', '@odata.type', 'id', 'subject'].sort());
  });

  it.each([
    'receivedDateTime le 2020-01-01T00:00:00Z',
    "subject eq 'x'",
    'receivedDateTime ge 2020-01-01T00:00:00Z and isRead eq false',
  ])('refuses $filter=%s with 400 ErrorInvalidUrlQuery', async (filter) => {
    const response = await graphFetch(
      sandbox,
      `/users/${BOB}/mailFolders/inbox/messages/delta?$filter=${encodeURIComponent(filter)}`,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'ErrorInvalidUrlQuery',
        message:
          "The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.",
      },
    });
  });

  it('refuses a delta token used on another folder', async () => {
    const { deltaLink } = await round(graph, `/users/${BOB}/mailFolders/junkemail/messages/delta`);
    const other = deltaLink.replace('/mailFolders/junkemail/', '/mailFolders/inbox/');
    await expect(graph.api(other).get()).rejects.toMatchObject({ statusCode: 400 });
  });
});
