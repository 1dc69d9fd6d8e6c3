// Crash test: while a 2,000-mailbox retraction runs, the process doing it is killed with SIGKILL
// at random moments five times and started again on the same store. Afterwards every mailbox is in
// exactly one terminal state, the counts add up, every copy is in Junk, and the sandbox saw at most
// one action per copy.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

const MAILBOXES = 2_000;
const KILLS = 5;

let sandbox: TestSandbox;
let database: TestDatabase;
let dataDir: string;
let child: ChildProcess | null = null;
let port = 0;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: MAILBOXES, mailPerUser: 0 });
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'clawback-crash-'));
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await sandbox?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startApi(): Promise<void> {
  const description = await sandbox.control.get('/app');
  child = fork(fileURLToPath(new URL('../../helpers/api-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      CLAWBACK_MODE: 'sandbox',
      CLAWBACK_TEST_SANDBOX: JSON.stringify(description),
      ...(database.url === 'memory://' ? { DATA_DIR: dataDir } : { DATABASE_URL: database.url }),
      TLS_CERT_PATH: sandbox.localhostCertPath,
      TLS_KEY_PATH: sandbox.localhostKeyPath,
      LOG_LEVEL: 'silent',
      JOB_EXPIRE_SECONDS: '4',
      QUEUE_MAINTENANCE_SECONDS: '1',
      DIRECTORY_SYNC_CRON: '0 0 1 1 *',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  port = await new Promise<number>((resolve, reject) => {
    child!.once('message', (message) => resolve((message as { port: number }).port));
    child!.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
  });
}

async function kill(): Promise<void> {
  const dying = child!;
  const exited = new Promise((resolve) => dying.once('exit', resolve));
  dying.kill('SIGKILL');
  await exited;
  child = null;
}

async function call(user: string, method: string, path: string, body?: unknown) {
  const token = await sandbox.control.userToken(user);
  const response = await fetch(`https://localhost:${port}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { id?: string },
  };
}

/** Polls `probe` until it returns a value; on timeout the error shows what was last seen. */
async function until<T>(
  probe: () => Promise<T | null>,
  timeoutMs: number,
  lastSeen: () => unknown = () => null,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last seen: ${JSON.stringify(lastSeen())}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a retraction survives its worker being killed', () => {
  it(`ends with every one of ${MAILBOXES} mailboxes in one terminal state and one action per copy`, async () => {
    await startApi();
    await call('ga@contoso.com', 'POST', '/domains/contoso.com/publish');
    await call('ga@contoso.com', 'POST', '/domains/northwindtraders.com/publish');
    const syncStarted = Date.now();
    await call('admin@contoso.com', 'POST', '/directory/sync');
    await until(async () => {
      const status = (await call('reader@contoso.com', 'GET', '/directory/status')).body as {
        state: string;
        phases: { finishedAt: string | null }[];
      };
      return status.state !== 'syncing' &&
        status.phases.every((p) => p.finishedAt && Date.parse(p.finishedAt) >= syncStarted)
        ? status
        : null;
    }, 120_000);
    const message = await sandbox.control.post<{ internetMessageId: string; copies: unknown[] }>('/deliver', {
      from: 'ceo@lookalike.example',
      to: ['all-staff@contoso.com'],
      subject: 'Urgent wire transfer',
    });
    await sandbox.control.put('/faults', { latencyMs: 40 });
    const created = await call('admin@contoso.com', 'POST', '/retractions', {
      internetMessageId: message.internetMessageId,
      action: 'moveToJunk',
      scope: { allPublished: true },
    });
    expect(created.status).toBe(202);
    const id = created.body.id!;

    const statusesAtKill: string[] = [];
    for (let round = 0; round < KILLS; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
      statusesAtKill.push(String((await call('admin@contoso.com', 'GET', `/retractions/${id}`)).body.status));
      await kill();
      await startApi();
    }
    // The kills must land while the work is under way, or this test proves nothing.
    expect(['planning', 'running']).toContain(statusesAtKill[0]);
    await sandbox.control.put('/faults', { latencyMs: 0 });
    let view: { status: string; counts: Record<string, number> } | null = null;
    const done = await until(
      async () => {
        view = (await call('admin@contoso.com', 'GET', `/retractions/${id}`)).body as NonNullable<
          typeof view
        >;
        return ['completed', 'completedWithErrors'].includes(view.status) ? view : null;
      },
      240_000,
      () => ({ statusesAtKill, view }),
    );

    const { counts } = done;
    expect(counts.pending).toBe(0);
    expect(counts.failed).toBe(0);
    expect(counts.done! + counts.notFound! + counts.skipped!).toBe(counts.total);
    expect(counts.done).toBe(message.copies.length);
    const copies = await sandbox.control.get<{ folder: string }[]>(
      `/messages?internetMessageId=${encodeURIComponent(message.internetMessageId)}`,
    );
    expect(copies.filter((c) => c.folder !== 'junkemail')).toEqual([]);
    const stats = await sandbox.control.get<{ actionsByMessage: Record<string, { move: number }> }>('/stats');
    expect(stats.actionsByMessage[message.internetMessageId]!.move).toBeLessThanOrEqual(
      message.copies.length,
    );
  }, 600_000);
});
