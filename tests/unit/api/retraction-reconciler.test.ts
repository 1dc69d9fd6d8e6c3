// What the reconciler does with each retraction it finds unsettled: nothing while a job still
// works on it, resume it when none does, and fail a search that keeps failing through every retry.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import type { JobCountQuery, JobQueue } from '../../../api/src/jobs/queue.js';
import { startReconciler, type Reconciler } from '../../../api/src/retractions/reconciler.js';
import type { RetractionRepository, RetractionRow } from '../../../api/src/retractions/repository.js';
import type { Runner } from '../../../api/src/retractions/runner.js';

interface Jobs {
  unfinished: number;
  failed: number;
}

let reconciler: Reconciler | null = null;
afterEach(async () => reconciler?.stop());

function setUp(rows: Partial<RetractionRow>[], jobs: Record<string, Jobs>) {
  const calls: string[] = [];
  const queries: JobCountQuery[] = [];
  const repository = {
    unsettled: async () => rows as RetractionRow[],
  } as unknown as RetractionRepository;
  const queue = {
    countJobs: async (query: JobCountQuery) => {
      queries.push(query);
      return jobs[query.value]![query.state];
    },
  } as unknown as JobQueue;
  const runner = {
    resume: async (row: RetractionRow) => void calls.push(`resume ${row.id}`),
    fail: async (row: RetractionRow, failed: number) => void calls.push(`fail ${row.id} after ${failed}`),
  } as unknown as Runner;
  const log = { warn: () => undefined, error: () => undefined } as unknown as FastifyBaseLogger;
  reconciler = startReconciler({ repository, queue, runner, log }, 3600);
  return { calls, queries };
}

describe('a reconciler pass', () => {
  it('leaves a retraction alone while any plan or execution job is unfinished', async () => {
    const { calls, queries } = setUp([{ id: 'a', status: 'running' }], { a: { unfinished: 1, failed: 0 } });
    expect(await reconciler!.reconcile()).toEqual([]);
    expect(calls).toEqual([]);
    // Scheduled rescans wait for hours; they must not count as work in progress.
    expect(queries[0]!.queues).toEqual(['retraction-plan', 'retraction-execute']);
  });

  it('resumes retractions no job works on, planning or running', async () => {
    const { calls } = setUp(
      [
        { id: 'a', status: 'running' },
        { id: 'b', status: 'planning' },
      ],
      { a: { unfinished: 0, failed: 4 }, b: { unfinished: 0, failed: 2 } },
    );
    expect(await reconciler!.reconcile()).toEqual(['a', 'b']);
    expect(calls).toEqual(['resume a', 'resume b']);
  });

  it('fails a search whose jobs ran out of retries three times', async () => {
    const { calls } = setUp([{ id: 'b', status: 'planning' }], { b: { unfinished: 0, failed: 3 } });
    await reconciler!.reconcile();
    expect(calls).toEqual(['fail b after 3']);
  });

  it('runs one pass at a time', async () => {
    const { calls } = setUp([{ id: 'a', status: 'running' }], { a: { unfinished: 0, failed: 0 } });
    await Promise.all([reconciler!.reconcile(), reconciler!.reconcile()]);
    expect(calls).toEqual(['resume a']);
  });
});
