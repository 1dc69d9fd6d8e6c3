// Durable jobs on pg-boss, on the same database as everything else. Queues are declared by the
// features that own them; every queue retries with backoff and then dead-letters, and nothing is
// deleted before a long retention, so no job is ever silently dropped.
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/client.js';

export const DEAD_LETTER_QUEUE = 'dead-letter';
/**
 * How often idle workers look for jobs sent by other processes; jobs sent in this process wake its
 * workers at once, so polling only bounds the cross-process delay.
 */
const POLLING_SECONDS = 2;

export interface QueueDefinition<T extends object> {
  name: string;
  /** Runs in worker processes (CLAWBACK_ROLE worker or all). */
  handler: (jobs: PgBoss.Job<T>[]) => Promise<void>;
  options?: Partial<
    Pick<PgBoss.Queue, 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds' | 'policy'>
  >;
  work?: PgBoss.WorkOptions;
  /** Workers polling this queue in each worker process (jobs handled at once). */
  workers?: number;
}

const QUEUE_DEFAULTS = {
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
  // An active job that stops reporting back (a crashed worker) is retried after this long.
  expireInSeconds: 15 * 60,
  // Queued jobs wait up to a year before pg-boss would discard them.
  retentionDays: 365,
};

export interface JobCountQuery {
  queues: readonly string[];
  field: string;
  value: string;
  state: 'unfinished' | 'failed';
}

export interface JobQueue {
  boss: PgBoss;
  define<T extends object>(definition: QueueDefinition<T>): Promise<void>;
  send<T extends object>(name: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  deadLetterCount(): Promise<number>;
  /**
   * Jobs of these queues whose data has field = value and that are unfinished (queued, waiting
   * to retry or running) or failed (out of retries).
   */
  countJobs(query: JobCountQuery): Promise<number>;
  stop(): Promise<void>;
}

export async function startQueue(
  database: DatabaseHandle,
  options: { runWorkers: boolean; onError: (error: Error) => void; maintenanceSeconds: number },
): Promise<JobQueue> {
  const boss = new PgBoss({
    ...(database.connectionString
      ? { connectionString: database.connectionString, max: 4 }
      : { db: database.sql }),
    schema: 'pgboss',
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceSeconds,
    schedule: options.runWorkers,
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    archiveFailedAfterSeconds: 30 * 24 * 3600,
    deleteAfterDays: 90,
  });
  boss.on('error', options.onError);
  await boss.start();
  await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retentionDays: 365 });
  const workers = new Map<string, string[]>();
  return {
    boss,
    async define(definition) {
      const queue = {
        name: definition.name,
        ...QUEUE_DEFAULTS,
        ...definition.options,
        deadLetter: DEAD_LETTER_QUEUE,
      };
      if (await boss.getQueue(definition.name)) await boss.updateQueue(definition.name, queue);
      else await boss.createQueue(definition.name, queue);
      if (!options.runWorkers) return;
      const ids: string[] = [];
      workers.set(definition.name, ids);
      for (let i = 0; i < (definition.workers ?? 1); i += 1)
        ids.push(
          await boss.work(
            definition.name,
            { pollingIntervalSeconds: POLLING_SECONDS, batchSize: 1, ...definition.work },
            definition.handler,
          ),
        );
    },
    async send(name, data, sendOptions) {
      const id = await boss.send(name, data, sendOptions ?? {});
      // Local workers are woken at once instead of at their next poll.
      if (!sendOptions?.startAfter) for (const worker of workers.get(name) ?? []) boss.notifyWorker(worker);
      return id;
    },
    deadLetterCount: () => boss.getQueueSize(DEAD_LETTER_QUEUE),
    async countJobs({ queues, field, value, state }) {
      // pg-boss 10 offers no lookup by job data, so its job table is read directly. In its state
      // enum, the values before 'completed' are created, retry and active.
      const condition = state === 'unfinished' ? `state < 'completed'` : `state = 'failed'`;
      const { rows } = await boss
        .getDb()
        .executeSql(
          `select count(*)::int as n from pgboss.job where name = any($1) and ${condition} and data->>$2 = $3`,
          [queues, field, value],
        );
      return Number((rows[0] as { n: number }).n);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
