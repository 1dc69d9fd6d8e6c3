// Contract: users/delta and groups/delta through the real Graph SDK — an initial full sync in pages,
// a deltaLink whose next round returns exactly what changed (deletions as @removed), options kept
// in the tokens, and paging that survives directory changes between pages.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlOk, followPages, type ControlGroup, type ControlUser } from '../../helpers/directory.js';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox({ mailPerUser: 0 });
  client = graphClient(sandbox);
});
afterAll(() => sandbox.close());

type Item = Record<string, unknown> & { id: string };
const PAGE_OF_FIVE = { Prefer: 'odata.maxpagesize=5' };

async function controlUsers(): Promise<ControlUser[]> {
  return controlOk<ControlUser[]>(sandbox, 'GET', '/users');
}

/** A full initial round, answering its items and the deltaLink. */
async function initialRound(path: string, headers: Record<string, string> = {}) {
  const round = await followPages<Item>(client, path, headers);
  expect(round.deltaLink).toMatch(/\$deltatoken=/);
  return { items: round.items, pages: round.pages, deltaLink: round.deltaLink! };
}

describe('users/delta', () => {
  it('returns every user once across pages, then a deltaLink', async () => {
    const users = await controlUsers();
    const round = await initialRound(
      '/users/delta?$select=displayName,userPrincipalName,proxyAddresses',
      PAGE_OF_FIVE,
    );
    expect(round.items.map((u) => u.id).sort()).toEqual(users.map((u) => u.id).sort());
    expect(round.pages).toBe(Math.ceil(users.length / 5));
    const alice = round.items.find((u) => u.userPrincipalName === 'alice@contoso.com')!;
    expect(Object.keys(alice).sort()).toEqual(['displayName', 'id', 'proxyAddresses', 'userPrincipalName']);
  });

  it('honours odata.maxpagesize and says so', async () => {
    const response = await graphFetch(sandbox, '/users/delta', { headers: PAGE_OF_FIVE });
    expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=5');
    const body = await response.json();
    expect(body.value).toHaveLength(5);
    expect(body['@odata.nextLink']).toMatch(/\/users\/delta\?\$skiptoken=/);
  });

  it('returns exactly the changes since the deltaLink: add, rename, alias, delete', async () => {
    const { deltaLink } = await initialRound('/users/delta?$select=displayName,proxyAddresses');
    const hired = await controlOk<ControlUser>(sandbox, 'POST', '/users', {
      userPrincipalName: 'new.hire@contoso.com',
      displayName: 'New Hire',
    });
    await controlOk(sandbox, 'PATCH', '/users/bob@contoso.com', { displayName: 'Robert Jones' });
    await controlOk(sandbox, 'PATCH', '/users/alice@contoso.com', {
      addProxyAddresses: ['a.smith@contoso.com'],
    });
    const gone = await controlOk<ControlUser>(sandbox, 'DELETE', '/users/user0003@contoso.com');
    const bob = (await controlUsers()).find((u) => u.userPrincipalName === 'bob@contoso.com')!;
    const alice = (await controlUsers()).find((u) => u.userPrincipalName === 'alice@contoso.com')!;

    const next = await followPages<Item>(client, deltaLink);
    expect(next.items).toHaveLength(4);
    expect(next.items).toEqual(
      expect.arrayContaining([
        { id: hired.id, displayName: 'New Hire', proxyAddresses: ['SMTP:new.hire@contoso.com'] },
        { id: bob.id, displayName: 'Robert Jones', proxyAddresses: bob.proxyAddresses },
        {
          id: alice.id,
          displayName: 'Alice Smith',
          proxyAddresses: expect.arrayContaining(['smtp:a.smith@contoso.com']),
        },
        { id: gone.id, '@removed': { reason: 'deleted' } },
      ]),
    );
    // Nothing changed since: the following round is empty.
    const quiet = await followPages<Item>(client, next.deltaLink!);
    expect(quiet.items).toEqual([]);
    expect(quiet.deltaLink).toMatch(/\$deltatoken=/);
  });

  it('neither loses nor duplicates users when the directory changes between pages', async () => {
    const first = await client.api('/users/delta').headers(PAGE_OF_FIVE).select('displayName').get();
    const returned = new Set((first.value as Item[]).map((u) => u.id));
    const users = await controlUsers();
    const seenOne = users.find((u) => returned.has(u.id))!;
    const [unseenRenamed, unseenDeleted] = users.filter(
      (u) => !returned.has(u.id) && /^user\d+@/.test(u.userPrincipalName),
    );
    await controlOk(sandbox, 'PATCH', `/users/${seenOne.id}`, { displayName: 'Renamed After Paging' });
    await controlOk(sandbox, 'PATCH', `/users/${unseenRenamed!.id}`, {
      displayName: 'Renamed Before Paging',
    });
    await controlOk(sandbox, 'DELETE', `/users/${unseenDeleted!.id}`);
    const added = await controlOk<ControlUser>(sandbox, 'POST', '/users', {
      userPrincipalName: 'mid.round@contoso.com',
      displayName: 'Mid Round',
    });

    const { items } = await followPages<Item>(client, first, PAGE_OF_FIVE);
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
    // Only the user changed after it was returned comes back, with its new state.
    for (const [id, count] of counts) expect([id, count]).toEqual([id, id === seenOne.id ? 2 : 1]);
    expect(items.findLast((u) => u.id === seenOne.id)).toMatchObject({ displayName: 'Renamed After Paging' });
    expect(items.filter((u) => u.id === unseenRenamed!.id)).toEqual([
      { id: unseenRenamed!.id, displayName: 'Renamed Before Paging' },
    ]);
    expect(items.filter((u) => u.id === unseenDeleted!.id)).toEqual([
      { id: unseenDeleted!.id, '@removed': { reason: 'deleted' } },
    ]);
    // Applying the round in order gives exactly the directory as it now is.
    const state = new Map<string, Item>();
    for (const item of items) {
      if (item['@removed']) state.delete(item.id);
      else state.set(item.id, item);
    }
    const now = await controlUsers();
    expect([...state.keys()].sort()).toEqual(now.map((u) => u.id).sort());
    expect(state.get(added.id)).toMatchObject({ displayName: 'Mid Round' });
  });

  it('filters by id, and $deltatoken=latest starts from now with no data', async () => {
    const alice = (await controlUsers()).find((u) => u.userPrincipalName === 'alice@contoso.com')!;
    const only = await followPages<Item>(
      client,
      `/users/delta?$filter=id eq '${alice.id}'&$select=displayName`,
    );
    expect(only.items).toEqual([{ id: alice.id, displayName: 'Alice Smith' }]);

    const latest = await client.api('/users/delta').query({ $deltatoken: 'latest' }).get();
    expect(latest.value).toEqual([]);
    await controlOk(sandbox, 'PATCH', '/users/alice@contoso.com', { jobTitle: 'Head of Accounts' });
    const next = await followPages<Item>(client, latest['@odata.deltaLink']);
    expect(next.items.map((u) => u.id)).toEqual([alice.id]);
  });

  it('refuses options delta does not support', async () => {
    await expect(client.api('/users/delta').top(5).get()).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      client.api('/users/delta').filter("displayName eq 'Alice Smith'").get(),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
    });
  });
});

describe('groups/delta', () => {
  it('tracks membership with members@delta: full at first, then only what changed', async () => {
    const initial = await initialRound('/groups/delta?$select=displayName,members');
    const groups = await controlOk<ControlGroup[]>(sandbox, 'GET', '/groups');
    const allStaff = groups.find((g) => g.mail === 'all-staff@contoso.com')!;
    const sales = groups.find((g) => g.mail === 'sales@contoso.com')!;
    const first = initial.items.find((g) => g.id === allStaff.id)!;
    expect(first).toMatchObject({ displayName: 'All Staff' });
    const members = first['members@delta'] as { '@odata.type': string; id: string }[];
    expect(members.map((m) => m.id).sort()).toEqual([...allStaff.memberIds].sort());
    expect(members.find((m) => m.id === sales.id)).toEqual({
      '@odata.type': '#microsoft.graph.group',
      id: sales.id,
    });

    const alice = (await controlUsers()).find((u) => u.userPrincipalName === 'alice@contoso.com')!;
    const newcomer = await controlOk<ControlUser>(sandbox, 'POST', '/users', {
      userPrincipalName: 'sales.newcomer@contoso.com',
      displayName: 'Sales Newcomer',
    });
    await controlOk(sandbox, 'POST', `/groups/sales@contoso.com/members/${newcomer.userPrincipalName}`);
    await controlOk(sandbox, 'DELETE', '/groups/sales@contoso.com/members/alice@contoso.com');

    const next = await followPages<Item>(client, initial.deltaLink);
    expect(next.items).toEqual([
      {
        id: sales.id,
        displayName: 'Sales',
        'members@delta': expect.arrayContaining([
          { '@odata.type': '#microsoft.graph.user', id: newcomer.id },
          { '@odata.type': '#microsoft.graph.user', id: alice.id, '@removed': { reason: 'deleted' } },
        ]),
      },
    ]);
    expect(next.items[0]!['members@delta']).toHaveLength(2);
  });

  it('leaves members out when $select does not ask for them', async () => {
    const round = await initialRound('/groups/delta?$select=displayName,mailEnabled');
    expect(round.items.length).toBeGreaterThan(0);
    for (const group of round.items)
      expect(Object.keys(group).sort()).toEqual(['displayName', 'id', 'mailEnabled']);
  });
});

describe('tokens', () => {
  it('refuses a state token from before a reset with 410 resyncRequired', async () => {
    const { deltaLink } = await initialRound('/users/delta?$select=id');
    await controlOk(sandbox, 'POST', '/reset', { users: 20, mailPerUser: 0 });
    await expect(client.api(deltaLink).get()).rejects.toMatchObject({
      statusCode: 410,
      code: 'resyncRequired',
    });
    await expect(client.api('/users/delta?$deltatoken=not-a-token').get()).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});
