// A first sync killed in the middle resumes from the last committed page: a fresh app on the same
// store asks Graph only for the pages not yet committed, and ends with every object once. On PGlite
// the store is a data directory (not memory), so it outlives the first app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Config } from '../../../api/src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { clearFaults, readStats, setFaults } from '../../helpers/faults.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { expectedMailboxes, sandboxDirectory, startDirectoryApi, status } from './directory-fixtures.js';

let sandbox: TestSandbox;
let store: { overrides: Partial<Config>; cleanup(): Promise<void> };

const PAGE = 10;

/** One store for two apps in turn: a PGlite directory, or a PostgreSQL database. */
async function sharedStore(): Promise<typeof store> {
  if (process.env.DATABASE_URL) {
    const database: TestDatabase = await createTestDatabase();
    return { overrides: { databaseUrl: database.url }, cleanup: () => database.drop() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'clawback-directory-'));
  return {
    overrides: { databaseUrl: null, dataDir },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: 120, mailPerUser: 0 });
  store = await sharedStore();
});
afterAll(async () => {
  await sandbox?.close();
  await store?.cleanup();
});

const deltaRequests = async () => (await readStats(sandbox)).byEndpoint['GET /v1.0/users/delta'] ?? 0;

it('resumes a first sync killed mid-round without repeating or losing a page', async () => {
  const directory = await sandboxDirectory(sandbox);
  const totalPages = Math.ceil(directory.users.length / PAGE);
  await clearFaults(sandbox);
  // Slow pages, so the app can be stopped while the users round is under way.
  await setFaults(sandbox, { latencyMs: 150 });

  const first = await startDirectoryApi(sandbox, { ...store.overrides, directoryPageSize: PAGE });
  const running = first.app.directoryAdmin.runSync(sandbox.tenantId).then(
    () => null,
    (error: Error) => error,
  );
  for (;;) {
    const midway = await status(first);
    const users = midway.phases.find((p) => p.phase === 'users')!;
    if (users.pages >= 3) {
      // What the dashboard shows meanwhile: syncing, how far, how fast, how long still.
      expect(midway.state).toBe('syncing');
      expect(users).toMatchObject({ status: 'running', mode: 'initial', expected: directory.users.length });
      expect(users.etaSeconds).not.toBeNull();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await first.close();
  expect((await running)?.message).toMatch(/stopped/);

  await clearFaults(sandbox); // and the request counts
  const requestedBefore = await deltaRequests();
  const second = await startDirectoryApi(sandbox, { ...store.overrides, directoryPageSize: PAGE });
  try {
    const left = (await status(second)).phases.find((p) => p.phase === 'users')!;
    expect(left).toMatchObject({ mode: 'initial', resumable: true });
    expect(left.pages).toBeGreaterThanOrEqual(3);
    expect(left.pages).toBeLessThan(totalPages);
    expect(left.processed).toBe(left.pages * PAGE);

    await second.app.directoryAdmin.runSync(sandbox.tenantId);
    const users = (await status(second)).phases.find((p) => p.phase === 'users')!;
    // Every user counted once across both apps, in exactly the pages the round has.
    expect(users).toMatchObject({
      status: 'completed',
      mode: 'initial',
      processed: directory.users.length,
      stored: directory.users.length,
      pages: totalPages,
      resumable: false,
    });
    // The second app asked only for the pages the first had not committed.
    expect((await deltaRequests()) - requestedBefore).toBe(totalPages - left.pages);
    const allStaff = await second.app.directory.expandAddresses(sandbox.tenantId, ['all-staff@contoso.com']);
    expect(allStaff.map((ref) => ref.id).sort()).toEqual(
      expectedMailboxes(directory, 'all-staff@contoso.com'),
    );
  } finally {
    await second.close();
  }
});
