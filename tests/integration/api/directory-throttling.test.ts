// Sync under a bad day at Graph: injected 503/504s and dropped connections on every directory read
// (and a throttling storm on any mailbox call). Each page is retried until it lands; the store ends
// exactly like the sandbox's directory, with every object processed once, first round and delta.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApi } from '../../helpers/api.js';
import { controlOk } from '../../helpers/directory.js';
import { clearFaults, readStats, setFaults } from '../../helpers/faults.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { expectedMailboxes, sandboxDirectory, startDirectoryApi, status } from './directory-fixtures.js';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: 80, mailPerUser: 0 });
  api = await startDirectoryApi(sandbox, { directoryPageSize: 10 });
});
afterAll(async () => {
  await clearFaults(sandbox);
  await api?.close();
  await sandbox?.close();
});

const storm = {
  errorRate: 0.3,
  dropRate: 0.05,
  throttleRate: 0.5,
  retryAfter: 'fractional',
  retryAfterSeconds: 0,
};

async function expectConverged() {
  const directory = await sandboxDirectory(sandbox);
  const current = await status(api);
  const phase = (name: string) => current.phases.find((p) => p.phase === name)!;
  expect(current.state).toBe('synced');
  expect(phase('users').stored).toBe(directory.users.length);
  expect(phase('groups').stored).toBe(directory.groups.length);
  expect(phase('memberships').stored).toBe(directory.groups.reduce((n, g) => n + g.memberIds.length, 0));
  const refs = await api.app.directory.expandAddresses(sandbox.tenantId, ['all-staff@contoso.com']);
  expect(refs.map((r) => r.id).sort()).toEqual(expectedMailboxes(directory, 'all-staff@contoso.com'));
  return current;
}

it('converges on a first sync through injected errors and dropped connections', async () => {
  await clearFaults(sandbox);
  await setFaults(sandbox, storm);
  await api.app.directoryAdmin.runSync(sandbox.tenantId);
  const stats = await readStats(sandbox);
  await clearFaults(sandbox);
  expect(stats.injectedErrors + stats.droppedConnections).toBeGreaterThan(3);
  const synced = await expectConverged();
  const users = synced.phases.find((p) => p.phase === 'users')!;
  // Retried pages were committed once: every user counted once.
  expect(users.processed).toBe((await sandboxDirectory(sandbox)).users.length);
});

it('converges on a delta round through the same storm', async () => {
  for (let i = 0; i < 5; i += 1)
    await controlOk(sandbox, 'POST', '/users', {
      userPrincipalName: `storm.${i}@contoso.com`,
      displayName: `Storm ${i}`,
    });
  await controlOk(sandbox, 'POST', '/groups/sales@contoso.com/members/storm.0@contoso.com');
  await controlOk(sandbox, 'DELETE', '/users/user0010@contoso.com');
  await setFaults(sandbox, storm);
  await api.app.directoryAdmin.runSync(sandbox.tenantId);
  await clearFaults(sandbox);
  const synced = await expectConverged();
  expect(synced.phases.find((p) => p.phase === 'users')).toMatchObject({ mode: 'incremental', processed: 6 });
});
