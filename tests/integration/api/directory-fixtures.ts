// Shared by the directory tests: an API without the cron schedule (runs happen when a test says),
// a sync through the job queue as "sync now" does it, and what the sandbox itself says about its
// directory, to compare with what Clawback synced.
import { expect } from 'vitest';
import type { DirectoryStatus } from '@clawback/shared';
import type { Config } from '../../../api/src/config/config.js';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { controlOk, type ControlGroup, type ControlUser } from '../../helpers/directory.js';
import type { TestSandbox } from '../../helpers/sandbox.js';

export const PUBLIC_URL = 'https://localhost:3000';

export function startDirectoryApi(sandbox: TestSandbox, overrides: Partial<Config> = {}): Promise<TestApi> {
  return startTestApi(sandbox, { directorySyncCron: null, publicUrl: PUBLIC_URL, ...overrides });
}

export async function status(api: TestApi, user = 'reader@contoso.com'): Promise<DirectoryStatus> {
  const response = await api.as(user, { method: 'GET', url: '/api/v1/directory/status' });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** "Sync now" as an admin, then waits for the queued run to finish. */
export async function syncThroughQueue(api: TestApi, timeoutMs = 30_000): Promise<DirectoryStatus> {
  const before = Date.now();
  const response = await api.as('admin@contoso.com', { method: 'POST', url: '/api/v1/directory/sync' });
  expect(response.statusCode).toBe(202);
  for (;;) {
    const current = await status(api);
    const finished = current.phases.every(
      (phase) => phase.finishedAt !== null && Date.parse(phase.finishedAt) >= before,
    );
    if (finished && current.state !== 'syncing') return current;
    if (Date.now() - before > timeoutMs) throw new Error(`sync did not finish: ${JSON.stringify(current)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface SandboxDirectory {
  users: ControlUser[];
  groups: ControlGroup[];
}

export async function sandboxDirectory(sandbox: TestSandbox): Promise<SandboxDirectory> {
  const [users, groups] = await Promise.all([
    controlOk<ControlUser[]>(sandbox, 'GET', '/users'),
    controlOk<ControlGroup[]>(sandbox, 'GET', '/groups'),
  ]);
  return { users, groups };
}

/** Ids of the mailboxes a group reaches in the sandbox: nested groups walked, guests and non-mailboxes out. */
export function expectedMailboxes(directory: SandboxDirectory, groupMail: string): string[] {
  const groups = new Map(directory.groups.map((g) => [g.id, g]));
  const users = new Map(directory.users.map((u) => [u.id, u as ControlUser & { mailboxType?: string }]));
  const start = directory.groups.find((g) => g.mail?.toLowerCase() === groupMail.toLowerCase());
  if (!start) throw new Error(`no group ${groupMail}`);
  const seen = new Set<string>();
  const reached = new Set<string>();
  const walk = (group: ControlGroup) => {
    if (seen.has(group.id)) return;
    seen.add(group.id);
    for (const id of group.memberIds) {
      const nested = groups.get(id);
      if (nested) walk(nested);
      const user = users.get(id);
      if (user && user.userType === 'Member' && user.mailboxType !== 'none') reached.add(id);
    }
  };
  walk(start);
  return [...reached].sort();
}
