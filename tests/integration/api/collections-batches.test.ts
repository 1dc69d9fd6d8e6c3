// Batch windows as seed 002 sets them: consecutive windows of `frequency` minutes by received time,
// a cold start merging exactly the configured number of windows, the period offset moving the
// window end back, and drafts only when the data source asks for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import {
  ADMIN,
  DAY,
  HOUR,
  MINUTE,
  createCollection,
  deliver,
  exportJsonl,
  iso,
  runBatch,
} from './collections-fixtures.js';

const ALICE = 'alice@contoso.com';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

/** A whole minute, `minutesAgo` before now: collection periods start on whole minutes. */
function minutesAgo(minutes: number): number {
  return Math.floor((Date.now() - minutes * MINUTE) / MINUTE) * MINUTE;
}

async function mailAt(time: number, subject: string) {
  return deliver(api, { from: 'erin@fabrikam.example', to: [ALICE], subject, receivedDateTime: iso(time) });
}

const subjects = (items: { subject: string | null; kind: string }[]) =>
  items.filter((i) => i.kind === 'message').map((i) => i.subject);

describe('cold start', () => {
  it('merges exactly the configured number of windows, then carries on from there', async () => {
    const start = minutesAgo(10 * 60);
    await mailAt(start + 2.5 * HOUR, 'cold start: third window');
    await mailAt(start + 3.5 * HOUR, 'cold start: fourth window');
    const collection = await createCollection(api, {
      name: 'Cold start',
      type: 'mail',
      monitored: { users: [ALICE] },
      collectFrom: iso(start),
      settings: { frequencyMinutes: 60, maxBatchesToMerge: 3 },
    });
    const first = await runBatch(api, collection.id);
    expect(first).toMatchObject({ windows: 3, coldStart: true, status: 'completed' });
    expect(Date.parse(first.windowStart)).toBe(start);
    expect(Date.parse(first.windowEnd) - Date.parse(first.windowStart)).toBe(3 * HOUR);
    const firstItems = subjects(await exportJsonl(api, collection.id, first.id));
    expect(firstItems).toContain('cold start: third window');
    expect(firstItems).not.toContain('cold start: fourth window');

    const second = await runBatch(api, collection.id);
    expect(second).toMatchObject({ windows: 3, seq: first.seq + 1 });
    expect(second.windowStart).toBe(first.windowEnd);
    expect(subjects(await exportJsonl(api, collection.id, second.id))).toEqual(['cold start: fourth window']);
  });

  it('collects one window per batch when merging is off', async () => {
    const collection = await createCollection(api, {
      name: 'No merging',
      type: 'mail',
      monitored: { users: [ALICE] },
      collectFrom: iso(minutesAgo(10 * 60)),
      settings: { frequencyMinutes: 60, mergeBatchesDuringColdStart: false },
    });
    const batch = await runBatch(api, collection.id);
    expect(batch).toMatchObject({ windows: 1, coldStart: true });
    expect(Date.parse(batch.windowEnd) - Date.parse(batch.windowStart)).toBe(HOUR);
  });
});

describe('collection period offset', () => {
  it('moves the window end back by the offset', async () => {
    const start = minutesAgo(150);
    await mailAt(start + 75 * MINUTE, 'offset: second window');
    const body = { type: 'mail', monitored: { users: [ALICE] }, collectFrom: iso(start) };
    const plain = await createCollection(api, {
      ...body,
      name: 'No offset',
      settings: { frequencyMinutes: 60 },
    });
    const offset = await createCollection(api, {
      ...body,
      name: 'Offset 45',
      settings: { frequencyMinutes: 60, collectionPeriodOffsetMinutes: 45 },
    });
    const withoutOffset = await runBatch(api, plain.id);
    const withOffset = await runBatch(api, offset.id);
    // 150 minutes back: two full windows are over; with 45 minutes of offset only the first is.
    expect(withoutOffset.windows).toBe(2);
    expect(withOffset.windows).toBe(1);
    expect(Date.parse(withOffset.windowEnd)).toBe(start + HOUR);
    expect(subjects(await exportJsonl(api, plain.id, withoutOffset.id))).toContain('offset: second window');
    expect(subjects(await exportJsonl(api, offset.id, withOffset.id))).not.toContain('offset: second window');

    const early = await api.as(ADMIN, { method: 'POST', url: `/api/v1/collections/${offset.id}/run` });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/next one is due at/);
  });
});

describe('drafts', () => {
  it('are collected only when collect drafts is on', async () => {
    const body = {
      type: 'mail',
      monitored: { users: [ALICE] },
      collectFrom: iso(minutesAgo(2 * 24 * 60)),
    };
    const sentOnly = await createCollection(api, {
      ...body,
      name: 'Sent only',
      settings: { frequencyMinutes: 1440 },
    });
    const withDrafts = await createCollection(api, {
      ...body,
      name: 'With drafts',
      settings: { frequencyMinutes: 1440, collectDrafts: true },
    });
    const a = await exportJsonl(api, sentOnly.id, (await runBatch(api, sentOnly.id)).id);
    const b = await exportJsonl(api, withDrafts.id, (await runBatch(api, withDrafts.id)).id);
    expect(a.filter((i) => i.isDraft)).toEqual([]);
    const drafts = b.filter((i) => i.isDraft);
    expect(drafts.map((d) => d.subject)).toEqual(['Draft: ideas for next quarter']);
    expect(drafts[0]!.folder).toBe('drafts');
    expect(b.length - a.length).toBe(1);
    expect(Date.parse(drafts[0]!.receivedAt!)).toBeGreaterThan(Date.now() - 2 * DAY);
  });
});

describe('changing a data source', () => {
  it('merges changed settings, and deleting removes it with what it collected', async () => {
    const collection = await createCollection(api, {
      name: 'To change',
      type: 'mail',
      monitored: { users: [ALICE] },
      collectFrom: iso(minutesAgo(3 * 60)),
    });
    const patched = await api.as(ADMIN, {
      method: 'PATCH',
      url: `/api/v1/collections/${collection.id}`,
      payload: { name: 'Changed', settings: { collectDrafts: true } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Changed',
      settings: { collectDrafts: true, frequencyMinutes: 60, maxBatchesToMerge: 24 },
    });
    const batch = await runBatch(api, collection.id);
    const removed = await api.as(ADMIN, { method: 'DELETE', url: `/api/v1/collections/${collection.id}` });
    expect(removed.statusCode).toBe(204);
    const gone = await api.as(ADMIN, { method: 'GET', url: `/api/v1/collections/${collection.id}` });
    expect(gone.statusCode).toBe(404);
    const exported = await api.as(ADMIN, {
      method: 'GET',
      url: `/api/v1/collections/${collection.id}/export?format=jsonl&batchId=${batch.id}`,
    });
    expect(exported.statusCode).toBe(404);
    const audit = await api.as(ADMIN, { method: 'GET', url: '/api/v1/audit?action=collection.*' });
    const actions = audit
      .json()
      .items.map((e: { action: string; targetId: string }) => `${e.action} ${e.targetId}`);
    expect(actions).toContain(`collection.updated ${collection.id}`);
    expect(actions).toContain(`collection.deleted ${collection.id}`);
  });
});
