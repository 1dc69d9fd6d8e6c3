// Mailboxes that cannot be collected are reported as such, not failed (outside the application
// access policy, inactive or unlicensed, unknown); a job that dies in the middle of a batch is
// retried and resumes with no item stored twice and no finished mailbox collected again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionBatch } from '@clawback/shared';
import type { GraphExecutor } from '../../../api/src/graph/executor.js';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import {
  ADMIN,
  HOUR,
  createCollection,
  deliver,
  exportJsonl,
  iso,
  runBatch,
  waitForBatch,
} from './collections-fixtures.js';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
}, 120_000);
afterEach(async () => {
  await sandbox.control.put('/faults', { accessScope: null });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

async function mailboxes(collectionId: string, batchId: string) {
  const response = await api.as(ADMIN, {
    method: 'GET',
    url: `/api/v1/collections/${collectionId}/batches/${batchId}/mailboxes?limit=500`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    mailbox: string;
    status: string;
    reason: string | null;
    attempts: number;
    messages: number;
    events: number;
  }[];
}

describe('mailboxes that cannot be collected', () => {
  it('are reported per mailbox and the batch still completes', async () => {
    const inScope = ['alice@contoso.com', 'bob@contoso.com', 'helpdesk@contoso.com'];
    await sandbox.control.put('/faults', { accessScope: inScope });
    const collection = await createCollection(api, {
      name: 'Scope',
      type: 'mail',
      monitored: {
        users: [
          'alice@contoso.com',
          'bob@contoso.com',
          'helpdesk@contoso.com',
          'user0001@contoso.com',
          'former.employee@contoso.com',
          'nobody@contoso.com',
        ],
      },
      collectFrom: iso(Date.now() - 3 * HOUR),
    });
    const batch = await runBatch(api, collection.id);
    expect(batch.status).toBe('completed');
    expect(batch.counts).toMatchObject({
      mailboxes: 6,
      collected: 3,
      outOfScope: 1,
      inactive: 1,
      notFound: 1,
      failed: 0,
    });
    const byMailbox = Object.fromEntries(
      (await mailboxes(collection.id, batch.id)).map((m) => [m.mailbox, m]),
    );
    expect(byMailbox['user0001@contoso.com']).toMatchObject({ status: 'outOfScope' });
    expect(byMailbox['user0001@contoso.com']!.reason).toMatch(/RAOP/);
    expect(byMailbox['former.employee@contoso.com']).toMatchObject({ status: 'inactive' });
    expect(byMailbox['former.employee@contoso.com']!.reason).toMatch(/MailboxNotEnabledForRESTAPI/);
    expect(byMailbox['nobody@contoso.com']).toMatchObject({ status: 'notFound' });
    expect(batch.problems.map((p) => p.status).sort()).toEqual(['inactive', 'notFound', 'outOfScope']);
  });
});

describe('a job that dies mid-batch', () => {
  it('resumes from stored progress with no duplicates', async () => {
    const people = ['alice@contoso.com', 'bob@contoso.com', 'admin@contoso.com', 'reader@contoso.com'];
    const received = iso(Date.now() - 2 * HOUR);
    for (let n = 0; n < 6; n += 1)
      await deliver(api, {
        from: 'frank@fabrikam.example',
        to: people,
        subject: `resume ${n}`,
        receivedDateTime: received,
      });
    const collection = await createCollection(api, {
      name: 'Crash',
      type: 'mailAndCalendar',
      monitored: { users: people },
      collectFrom: iso(Date.now() - 30 * 24 * HOUR),
      settings: { frequencyMinutes: 24 * 60, maxBatchesToMerge: 60, monitoredIndividualsPerJob: 2 },
    });

    // The worker "dies" when the first mailbox, its folders stored, turns to its calendar: the job
    // throws out of the middle of that mailbox, as a killed process would stop, and pg-boss
    // retries it.
    const executor = api.app.graph.executor as GraphExecutor;
    const run = executor.run.bind(executor);
    let crashed = false;
    // Mailboxes that had stored every folder when the worker died, and what was asked of them after.
    let finished = new Set<string>();
    const askedAfter: string[] = [];
    executor.run = ((calls, onResult) => {
      const purposes = calls as unknown as { purpose: string; mailbox: string; ref: string }[];
      if (!crashed && purposes.some((c) => c.purpose === 'calendar')) {
        crashed = true;
        finished = new Set(purposes.filter((c) => c.purpose === 'calendar').map((c) => c.mailbox));
        return Promise.reject(new Error('worker died'));
      }
      if (crashed)
        for (const c of purposes)
          if (finished.has(c.mailbox) && (c.purpose === 'messages' || c.purpose === 'delta'))
            askedAfter.push(`${c.purpose} ${c.mailbox} ${c.ref}`);
      return run(calls, onResult);
    }) as GraphExecutor['run'];
    let batch: CollectionBatch;
    try {
      const started = await api.as(ADMIN, {
        method: 'POST',
        url: `/api/v1/collections/${collection.id}/run`,
      });
      expect(started.statusCode).toBe(202);
      batch = await waitForBatch(api, collection.id, started.json().id, 90_000);
    } finally {
      executor.run = run;
    }
    expect(crashed).toBe(true);
    expect(batch.status).toBe('completed');

    const items = await exportJsonl(api, collection.id, batch.id);
    const keys = items.map((i) => `${i.mailbox} ${i.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(batch.counts.messages + batch.counts.events).toBe(items.length);
    for (const person of people) {
      const subjects = items
        .filter((i) => i.mailbox === person && i.subject?.startsWith('resume '))
        .map((i) => i.subject);
      expect(subjects.sort(), person).toEqual([
        'resume 0',
        'resume 1',
        'resume 2',
        'resume 3',
        'resume 4',
        'resume 5',
      ]);
    }
    const rows = await mailboxes(collection.id, batch.id);
    expect(
      rows.map((m) => m.status),
      JSON.stringify(rows),
    ).toEqual(people.map(() => 'collected'));
    // The job ran again, and the mailboxes whose folders were stored were not listed again.
    expect(rows.some((m) => m.attempts === 2)).toBe(true);
    expect(finished.size).toBeGreaterThan(0);
    expect(askedAfter).toEqual([]);
    expect(rows.reduce((sum, m) => sum + m.messages + m.events, 0)).toBe(items.length);
  }, 120_000);
});

describe('failed mailboxes', () => {
  it('are retried after 10 and then 30 minutes, and the batch records each retry', async () => {
    const collection = await createCollection(api, {
      name: 'Retries',
      type: 'mail',
      monitored: { users: ['alice@contoso.com', 'bob@contoso.com'] },
      collectFrom: iso(Date.now() - 3 * HOUR),
    });
    // Graph keeps failing for Bob's folder listing (after the executor's own retries).
    const executor = api.app.graph.executor as GraphExecutor;
    const run = executor.run.bind(executor);
    const bob = (await api.app.directory.findMailbox(api.config.tenantId, 'bob@contoso.com'))!.id;
    let failing = true;
    executor.run = (async (calls, onResult) => {
      const results = await run(calls, onResult);
      return results.map((r) =>
        failing && r.call.mailbox === bob && (r.call as { purpose?: string }).purpose === 'folders'
          ? { ...r, status: 503, body: { error: { code: 'ServiceUnavailable', message: 'try later' } } }
          : r,
      );
    }) as GraphExecutor['run'];
    try {
      const first = await runBatch(api, collection.id);
      expect(first.status).toBe('retryScheduled');
      expect(first.counts).toMatchObject({ collected: 1, failed: 1 });
      expect(first.retries).toHaveLength(1);
      const wait = Date.parse(first.retries[0]!.scheduledFor) - Date.parse(first.createdAt);
      expect(wait).toBeGreaterThanOrEqual(10 * 60_000);
      expect(wait).toBeLessThan(11 * 60_000);
      expect(first.nextRetryAt).toBe(first.retries[0]!.scheduledFor);

      // What the retry job does when its time comes: Bob still fails, the next wait is 30 minutes.
      await api.app.collectionBatches.retry({ batchId: first.id, attempt: 1 });
      const second = await waitForBatch(api, collection.id, first.id);
      expect(second.status).toBe('retryScheduled');
      expect(second.attempt).toBe(1);
      const later = Date.parse(second.retries[1]!.scheduledFor) - Date.now();
      expect(later).toBeGreaterThan(29 * 60_000);
      expect(later).toBeLessThanOrEqual(30 * 60_000);

      failing = false;
      await api.app.collectionBatches.retry({ batchId: first.id, attempt: 2 });
      const done = await waitForBatch(api, collection.id, first.id);
      expect(done).toMatchObject({ status: 'completed', attempt: 2 });
      expect(done.counts).toMatchObject({ collected: 2, failed: 0 });
      expect(done.retries.map((r) => r.attempt)).toEqual([1, 2]);
    } finally {
      executor.run = run;
    }
  });
});
