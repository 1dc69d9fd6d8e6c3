// Directory sync correctness against the sandbox: a first sync through delta queries, then
// incremental rounds that pick up exactly what changed — a user added, renamed and deleted, an
// alias added, a nested group membership changed, a domain added — as the DirectoryService and
// the status and domain endpoints show them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../helpers/api.js';
import { controlOk, type ControlUser } from '../../helpers/directory.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import {
  expectedMailboxes,
  sandboxDirectory,
  startDirectoryApi,
  status,
  syncThroughQueue,
} from './directory-fixtures.js';

let sandbox: TestSandbox;
let api: TestApi;
let tenantId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: 30, mailPerUser: 0 });
  api = await startDirectoryApi(sandbox, { directoryPageSize: 7 });
  tenantId = sandbox.tenantId;
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const ids = (refs: { id: string }[]) => refs.map((ref) => ref.id).sort();

describe('first sync', () => {
  it('knows nothing before it runs, and looks a mailbox up live meanwhile', async () => {
    expect((await status(api)).state).toBe('neverSynced');
    const before = await sandbox.control.get<{ byEndpoint: Record<string, number> }>('/stats');
    const alice = await api.app.directory.findMailbox(tenantId, 'alice@contoso.com');
    const after = await sandbox.control.get<{ byEndpoint: Record<string, number> }>('/stats');
    expect(alice).toMatchObject({ upn: 'alice@contoso.com', kind: 'user', domain: 'contoso.com' });
    const lookups = (stats: typeof before) => stats.byEndpoint['GET /v1.0/users/:userId'] ?? 0;
    expect(lookups(after) - lookups(before)).toBe(1);
  });

  it('syncs every user, group, membership, domain and role holder through the job queue', async () => {
    const synced = await syncThroughQueue(api);
    const directory = await sandboxDirectory(sandbox);
    expect(synced.state).toBe('synced');
    const phase = (name: string) => synced.phases.find((p) => p.phase === name)!;
    expect(phase('users')).toMatchObject({
      status: 'completed',
      mode: 'initial',
      processed: directory.users.length,
      stored: directory.users.length,
      resumable: false,
    });
    // Seven per page: the round really paged; the count asked for first gave the ETA its total.
    expect(phase('users').pages).toBe(Math.ceil(directory.users.length / 7));
    expect(phase('users')).toMatchObject({ expected: directory.users.length, etaSeconds: 0 });
    expect(phase('users').ratePerSecond).toBeGreaterThan(0);
    expect(phase('groups')).toMatchObject({ status: 'completed', stored: directory.groups.length });
    const memberships = directory.groups.reduce((n, g) => n + g.memberIds.length, 0);
    expect(phase('memberships')).toMatchObject({ status: 'completed', stored: memberships });
    expect(phase('roles').stored).toBeGreaterThanOrEqual(7);
    expect(synced.domains.map((d) => d.name)).toEqual(
      expect.arrayContaining(['contoso.com', 'contoso.onmicrosoft.com']),
    );
    // Unverified domains are not listed.
    expect(synced.domains.map((d) => d.name)).not.toContain('contoso.net');
  });

  it('expands a distribution list through nested groups to each mailbox once', async () => {
    const directory = await sandboxDirectory(sandbox);
    const refs = await api.app.directory.expandAddresses(tenantId, [
      'ALL-STAFF@contoso.com',
      'bob@contoso.com',
    ]);
    expect(ids(refs)).toEqual(expectedMailboxes(directory, 'all-staff@contoso.com'));
    expect(new Set(ids(refs)).size).toBe(refs.length);
    expect(refs.find((r) => r.upn === 'helpdesk@contoso.com')).toMatchObject({ kind: 'shared' });
  });

  it('tells shared mailboxes, users and guests apart, and finds them by id, UPN or alias', async () => {
    const directory = await sandboxDirectory(sandbox);
    const alice = directory.users.find((u) => u.userPrincipalName === 'alice@contoso.com')!;
    const byId = await api.app.directory.findMailbox(tenantId, alice.id);
    const byAlias = await api.app.directory.findMailbox(tenantId, 'Alice@contoso.onmicrosoft.com');
    expect(byId).toMatchObject({ id: alice.id, upn: 'alice@contoso.com', kind: 'user' });
    expect(byAlias).toEqual(byId);
    expect(await api.app.directory.findMailbox(tenantId, 'phishing-reports@contoso.com')).toMatchObject({
      kind: 'shared',
    });
    const guest = directory.users.find((u) => u.userType === 'Guest')!;
    expect(await api.app.directory.findMailbox(tenantId, guest.userPrincipalName)).toMatchObject({
      kind: 'none',
    });
    expect(await api.app.directory.expandAddresses(tenantId, [guest.mail!])).toEqual([]);
    expect(await api.app.directory.findMailbox(tenantId, 'nobody@contoso.com')).toBeNull();
  });
});

describe('incremental rounds', () => {
  it('pick up exactly the changes since the last round', async () => {
    const hired = await controlOk<ControlUser>(sandbox, 'POST', '/users', {
      userPrincipalName: 'new.hire@contoso.com',
      displayName: 'New Hire',
    });
    await controlOk(sandbox, 'PATCH', '/users/bob@contoso.com', {
      userPrincipalName: 'robert.jones@contoso.com',
      displayName: 'Robert Jones',
    });
    await controlOk(sandbox, 'PATCH', '/users/alice@contoso.com', {
      addProxyAddresses: ['a.smith@contoso.com'],
    });
    const gone = await controlOk<ControlUser>(sandbox, 'DELETE', '/users/user0003@contoso.com');
    // A nested membership: platform-team sits inside engineering inside all-staff.
    const platform = (await sandboxDirectory(sandbox)).groups.find(
      (g) => g.mail === 'platform-team@contoso.com',
    )!;
    const leaving = platform.memberIds[0]!;
    await controlOk(sandbox, 'DELETE', `/groups/platform-team@contoso.com/members/${leaving}`);
    await controlOk(sandbox, 'POST', `/groups/platform-team@contoso.com/members/new.hire@contoso.com`);
    await controlOk(sandbox, 'POST', '/domains', { id: 'fabrikam-newco.com' });

    const synced = await syncThroughQueue(api);
    const users = synced.phases.find((p) => p.phase === 'users')!;
    expect(users).toMatchObject({ mode: 'incremental', status: 'completed' });
    // Added, renamed, re-addressed, deleted.
    expect(users.processed).toBe(4);
    // The two platform-team changes, and the deleted user leaving each of its groups.
    const memberships = synced.phases.find((p) => p.phase === 'memberships')!;
    const inSandbox = (await sandboxDirectory(sandbox)).groups.reduce((n, g) => n + g.memberIds.length, 0);
    expect(memberships).toMatchObject({ mode: 'incremental', stored: inSandbox });
    expect(memberships.processed).toBeGreaterThanOrEqual(3);
    expect(memberships.processed).toBeLessThan(10);

    const directory = api.app.directory;
    expect(await directory.findMailbox(tenantId, 'new.hire@contoso.com')).toMatchObject({ id: hired.id });
    expect(await directory.findMailbox(tenantId, 'robert.jones@contoso.com')).toMatchObject({
      upn: 'robert.jones@contoso.com',
    });
    expect(ids(await directory.expandAddresses(tenantId, ['a.smith@contoso.com']))).toEqual(
      ids([(await directory.findMailbox(tenantId, 'alice@contoso.com'))!]),
    );
    expect(await directory.findMailbox(tenantId, gone.id)).toBeNull();

    const allStaff = ids(await directory.expandAddresses(tenantId, ['all-staff@contoso.com']));
    expect(allStaff).toEqual(expectedMailboxes(await sandboxDirectory(sandbox), 'all-staff@contoso.com'));
    expect(allStaff).toContain(hired.id);
    expect(allStaff).not.toContain(gone.id);

    const domains = (await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/domains' })).json();
    expect(domains.items).toContainEqual(
      expect.objectContaining({ name: 'fabrikam-newco.com', state: 'authorized', published: false }),
    );
  });

  it('asks Graph only for the changes when nothing changed', async () => {
    const synced = await syncThroughQueue(api);
    for (const phase of ['users', 'groups', 'memberships'])
      expect(synced.phases.find((p) => p.phase === phase)).toMatchObject({
        mode: 'incremental',
        processed: 0,
      });
  });

  it('starts a new initial round when Graph refuses the delta token, and prunes what is gone', async () => {
    // A reset tenant (same seed: the original people, ids included) no longer honours old tokens.
    await sandbox.control.post('/reset', { users: 30, mailPerUser: 0 });
    const synced = await syncThroughQueue(api);
    const directory = await sandboxDirectory(sandbox);
    const users = synced.phases.find((p) => p.phase === 'users')!;
    expect(users).toMatchObject({ mode: 'initial', status: 'completed', stored: directory.users.length });
    expect(await api.app.directory.findMailbox(tenantId, 'new.hire@contoso.com')).toBeNull();
    expect(await api.app.directory.findMailbox(tenantId, 'robert.jones@contoso.com')).toBeNull();
    expect(await api.app.directory.findMailbox(tenantId, 'bob@contoso.com')).not.toBeNull();
    const allStaff = await api.app.directory.expandAddresses(tenantId, ['all-staff@contoso.com']);
    expect(ids(allStaff)).toEqual(expectedMailboxes(directory, 'all-staff@contoso.com'));
    expect(synced.domains.map((d) => d.name)).not.toContain('fabrikam-newco.com');
  });
});
