// A process can die between two steps of a retraction: after the status changed and before the
// jobs that carry it on were sent. These tests leave a retraction in exactly that state (as the
// crash would) and check that the reconciler, running every LEASE_SECONDS, finishes it, and that a mailbox one worker holds is
// not taken by another until its lease runs out.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { copiesOf, deliverMessage, requestRetraction, waitFor } from '../../helpers/retractions.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { onboardTenant } from '../../helpers/tenant.js';

const LEASE_SECONDS = 2;

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: 20 });
  api = await startTestApi(sandbox, { jobExpireSeconds: LEASE_SECONDS });
  await onboardTenant(api);
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A hard delete held for approval: planned, its mailboxes stored, no job working on it. */
async function heldHardDelete() {
  const message = await deliverMessage(api, ['bob@contoso.com', 'alice@contoso.com', 'reader@contoso.com']);
  const response = await requestRetraction(api, 'admin@contoso.com', {
    internetMessageId: message.internetMessageId,
    action: 'hardDelete',
    scope: { allPublished: true },
  });
  const held = await waitFor(api, response.json().id, ['awaitingApproval']);
  return { message, held };
}

describe('the reconciler', () => {
  it('finishes a retraction whose process died right after it was set running', async () => {
    const { message, held } = await heldHardDelete();
    // What start() does first; the process "dies" before it sends a single job.
    await api.app.database.db.execute(
      sql`update retractions set status = 'running', started_at = now() where id = ${held.id}`,
    );
    // Nothing but the reconciler (every LEASE_SECONDS here) can move it on from this state.

    const done = await waitFor(api, held.id);
    expect(done.status).toBe('completed');
    expect(done.counts.done).toBe(message.copies.length);
    // Hard-deleted copies sit in the purges folder, out of the users' reach.
    expect(
      (await copiesOf(api, message.internetMessageId)).filter((c) => c.folder !== 'recoverableitemspurges'),
    ).toEqual([]);
  });

  it('searches again for a retraction whose process died before its search was queued', async () => {
    const message = await deliverMessage(api, ['secops@contoso.com', 'secadmin@contoso.com']);
    const { row } = await api.app.retractions.repository.insert({
      id: randomUUID(),
      tenantId: sandbox.tenantId,
      kind: 'retract',
      internetMessageId: message.internetMessageId,
      subject: 'Invoice',
      sender: 'billing@fake-vendor.example',
      action: 'moveToJunk',
      status: 'planning',
      dryRun: false,
      source: 'manual',
      scope: {},
      recipients: ['secops@contoso.com', 'secadmin@contoso.com'],
      requestedBy: 'admin',
      requesterKind: 'user',
      createdAt: new Date(Date.now() - 60_000),
    });
    const done = await waitFor(api, row.id);
    expect(done.counts.done).toBe(2);
    expect((await copiesOf(api, message.internetMessageId)).map((c) => c.folder)).toEqual([
      'junkemail',
      'junkemail',
    ]);
  });

  it('leaves alone retractions that are settled or still have work queued', async () => {
    const message = await deliverMessage(api, ['ga@contoso.com']);
    const response = await requestRetraction(api, 'admin@contoso.com', {
      internetMessageId: message.internetMessageId,
      action: 'moveToDeletedItems',
      scope: { allPublished: true },
    });
    expect((await waitFor(api, response.json().id)).counts.done).toBe(1);
    expect(await api.app.retractionReconciler!.reconcile()).toEqual([]);
    expect(await sandbox.control.get('/stats')).toMatchObject({
      actionsByMessage: { [message.internetMessageId]: { move: 1 } },
    });
  });
});

describe('a mailbox lease', () => {
  it('keeps a mailbox with the worker acting on it until the lease runs out', async () => {
    const { held } = await heldHardDelete();
    const repository = api.app.retractions.repository;
    await repository.setStates(held.id, ['planned'], 'pending', null);
    const ids = await repository.mailboxIdsInState(held.id, ['pending']);
    expect(ids.length).toBeGreaterThan(0);

    const first = await repository.claim(held.id, ids, LEASE_SECONDS);
    expect(first.map((m) => m.state)).toEqual(ids.map(() => 'pending'));
    expect(await repository.claim(held.id, ids, LEASE_SECONDS)).toEqual([]);

    await sleep(LEASE_SECONDS * 1000 + 100);
    const takenOver = await repository.claim(held.id, ids, LEASE_SECONDS);
    // The new worker sees them as interrupted, so it re-checks each copy before acting.
    expect(takenOver.map((m) => m.state)).toEqual(ids.map(() => 'acting'));
    await repository.setStates(held.id, ['acting'], 'skipped', 'test');
  });
});
