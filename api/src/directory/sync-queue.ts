// The directory sync as a durable job: scheduled by cron, or requested now ("sync now", publishing a
// domain). The queue keeps at most one run active and one waiting, so requests during a run fold
// into a single follow-up run, and two workers never walk the same delta round at once.
import type { JobQueue } from '../jobs/queue.js';

export const DIRECTORY_SYNC_QUEUE = 'directory.sync';

export interface SyncJob {
  tenantId: string;
  reason: 'schedule' | 'manual' | 'publish';
  requestedBy?: string;
}

export async function defineSyncQueue(
  queue: JobQueue,
  options: { run: (tenantId: string) => Promise<void>; tenantId: string; cron: string | null },
): Promise<void> {
  await queue.define<SyncJob>({
    name: DIRECTORY_SYNC_QUEUE,
    handler: async (jobs) => {
      for (const job of jobs) await options.run(job.data.tenantId);
    },
    options: {
      policy: 'stately',
      retryLimit: 10,
      retryDelay: 5,
      retryBackoff: true,
      // A run a crashed worker left active blocks the next one until it expires; a first sync of
      // 100,000 users takes under a minute, so half an hour leaves room for far larger tenants.
      expireInSeconds: 30 * 60,
    },
  });
  if (options.cron)
    await queue.boss.schedule(DIRECTORY_SYNC_QUEUE, options.cron, {
      tenantId: options.tenantId,
      reason: 'schedule',
    } satisfies SyncJob);
  else await queue.boss.unschedule(DIRECTORY_SYNC_QUEUE);
}

/** Asks for a run; null when one is already waiting (it will see the same changes). */
export function requestSync(queue: JobQueue, job: SyncJob): Promise<string | null> {
  return queue.send(DIRECTORY_SYNC_QUEUE, job);
}
