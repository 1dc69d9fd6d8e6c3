// The database is the truth about a retraction; jobs only carry it forward. A process killed
// between two steps (after a status change, before the jobs that follow it were sent), or a job
// that ran out of retries, would leave a retraction "running" with nobody working on it. The
// reconciler looks for such retractions at every interval and resumes them.
import type { FastifyBaseLogger } from 'fastify';
import type { JobQueue } from '../jobs/queue.js';
import { QUEUES } from './deps.js';
import type { RetractionRepository } from './repository.js';
import type { Runner } from './runner.js';

/** Scheduled rescans are not work in progress: a retraction waiting only for them is stuck. */
const WORK_QUEUES = [QUEUES.plan, QUEUES.execute];
/** A search that failed through every retry this often is failed for the admin to see. */
const PLAN_FAILURES_TO_GIVE_UP = 3;

export interface Reconciler {
  /** One pass; returns the ids of the retractions it resumed. */
  reconcile(): Promise<string[]>;
  /** Stops the interval and waits for a pass in flight. */
  stop(): Promise<void>;
}

export function startReconciler(
  deps: { repository: RetractionRepository; queue: JobQueue; runner: Runner; log: FastifyBaseLogger },
  intervalSeconds: number,
): Reconciler {
  const { repository, queue, runner, log } = deps;
  let passing: Promise<string[]> | null = null;

  async function pass(): Promise<string[]> {
    // A retraction younger than one interval may still be between its insert and its first job.
    const settled = new Date(Date.now() - intervalSeconds * 1000);
    const resumed: string[] = [];
    for (const row of await repository.unsettled(settled)) {
      const jobs = { queues: WORK_QUEUES, field: 'retractionId', value: row.id };
      if ((await queue.countJobs({ ...jobs, state: 'unfinished' })) > 0) continue;
      const failedJobs = await queue.countJobs({ ...jobs, state: 'failed' });
      if (row.status === 'planning' && failedJobs >= PLAN_FAILURES_TO_GIVE_UP)
        await runner.fail(row, failedJobs);
      else await runner.resume(row);
      resumed.push(row.id);
    }
    if (resumed.length) log.warn({ retractions: resumed }, 'resumed retractions no job was working on');
    return resumed;
  }

  function reconcile(): Promise<string[]> {
    // Passes never overlap within a process.
    passing ??= pass().finally(() => (passing = null));
    return passing;
  }

  const timer = setInterval(
    () => void reconcile().catch((error: Error) => log.error({ error }, 'retraction reconciler')),
    intervalSeconds * 1000,
  );
  timer.unref();
  return {
    reconcile,
    async stop() {
      clearInterval(timer);
      await passing?.catch(() => undefined);
    },
  };
}
