// Batches: start the next window's batch (custodians resolved, split into jobs of `monitored
// individuals per job`), run a job's mailboxes, and close the batch once no mailbox is pending:
// completed, or failed mailboxes retried after 10, 30 and 60 minutes before it ends with errors.
import { randomUUID } from 'node:crypto';
import type { BatchError } from '../db/schema/index.js';
import type { AuditInput } from '../audit/audit-repository.js';
import { coalescing } from './coalescing.js';
import { resolveCustodians } from './custodians.js';
import {
  MAILBOX_CONCURRENCY,
  QUEUES,
  SCHEDULER_ACTOR,
  type CollectionDeps,
  type JobData,
  type RetryData,
} from './deps.js';
import { collectMailbox } from './mailbox-collector.js';
import type { BatchMailboxRow, BatchRow, CollectionRow } from './repository.js';
import { nextBatchWindow, nextDueAt, RETRY_DELAYS_MINUTES } from './windows.js';

export type StartResult =
  | { started: true; batch: BatchRow }
  | { started: false; reason: 'busy'; batch: BatchRow }
  | { started: false; reason: 'notDue'; dueAt: Date };

export interface Actor {
  actorType: AuditInput['actorType'];
  actorId: string | null;
  actorName: string | null;
  requestId?: string | null;
  ip?: string | null;
}

const MINUTE = 60_000;
const SYSTEM: Actor = { actorType: 'system', actorId: null, actorName: SCHEDULER_ACTOR };

export function createBatchService(deps: CollectionDeps) {
  const { repository, queue } = deps;
  const collector = {
    executor: coalescing(deps.graph.executor),
    graphBaseUrl: deps.graphBaseUrl,
    items: deps.items,
    index: deps.index,
  };

  async function start(
    collection: CollectionRow,
    trigger: 'schedule' | 'manual',
    actor: Actor = SYSTEM,
  ): Promise<StartResult> {
    const running = await repository.runningBatch(collection.id);
    if (running) return { started: false, reason: 'busy', batch: running };
    const now = new Date();
    const window = nextBatchWindow(collection.nextWindowStart, collection.settings, now);
    if (!window)
      return {
        started: false,
        reason: 'notDue',
        dueAt: nextDueAt(collection.nextWindowStart, collection.settings),
      };
    const { custodians, notes } = await resolveCustodians(
      deps.directory(),
      collection.tenantId,
      collection.monitored,
    );
    const perJob = collection.settings.monitoredIndividualsPerJob;
    const batch = await repository.startBatch(collection, {
      id: randomUUID(),
      tenantId: collection.tenantId,
      collectionId: collection.id,
      seq: 0,
      windowStart: window.start,
      windowEnd: window.end,
      windows: window.windows,
      coldStart: window.coldStart,
      trigger,
      status: 'running',
      jobs: Math.max(1, Math.ceil(custodians.length / perJob)),
      errors: notes,
      requestedBy: actor.actorName,
      createdAt: now,
    });
    if (!batch) {
      const other = await repository.runningBatch(collection.id);
      if (other) return { started: false, reason: 'busy', batch: other };
      return {
        started: false,
        reason: 'notDue',
        dueAt: nextDueAt(collection.nextWindowStart, collection.settings),
      };
    }
    await repository.addMailboxes(
      custodians.map((c, i) => ({
        tenantId: collection.tenantId,
        batchId: batch.id,
        mailboxId: c.mailboxId,
        upn: c.upn,
        job: Math.floor(i / perJob),
        status: c.unresolved ? 'notFound' : 'pending',
        reason: c.unresolved,
        progress: { folders: [], calendar: false },
      })),
    );
    await audit(batch, actor, 'collection.batch.started', {
      windowStart: batch.windowStart.toISOString(),
      windowEnd: batch.windowEnd.toISOString(),
      windows: batch.windows,
      coldStart: batch.coldStart,
      trigger,
      mailboxes: custodians.length,
      jobs: batch.jobs,
    });
    const jobs = new Set(custodians.flatMap((c, i) => (c.unresolved ? [] : [Math.floor(i / perJob)])));
    for (const job of jobs)
      await queue.send(QUEUES.job, { batchId: batch.id, job, attempt: 0 } satisfies JobData);
    if (jobs.size === 0) await finishIfDone(batch.id);
    return { started: true, batch: (await repository.batch(batch.id))! };
  }

  /** One job's pending mailboxes; `signal` aborts between pages (as a crashed worker would stop). */
  async function runJob(data: JobData, signal?: AbortSignal): Promise<void> {
    const batch = await repository.batch(data.batchId);
    if (!batch || batch.status !== 'running' || batch.attempt !== data.attempt) return;
    const collection = await repository.byId(batch.collectionId);
    if (!collection) return;
    const rows = await repository.pendingMailboxes(batch.id, data.job);
    await eachLimited(rows, MAILBOX_CONCURRENCY, (row) => runMailbox(collection, batch, row, signal));
    await finishIfDone(batch.id);
  }

  async function runMailbox(
    collection: CollectionRow,
    batch: BatchRow,
    row: BatchMailboxRow,
    signal?: AbortSignal,
  ) {
    signal?.throwIfAborted();
    // Counted when it starts: a mailbox a dead worker was collecting shows two attempts.
    await repository.updateMailbox(batch.id, row.mailboxId, { attempts: row.attempts + 1 });
    const context = {
      tenantId: batch.tenantId,
      collectionId: collection.id,
      batchId: batch.id,
      mailboxId: row.mailboxId,
      upn: row.upn,
    };
    const outcome = await collectMailbox(collector, {
      context,
      collection,
      window: { start: batch.windowStart, end: batch.windowEnd },
      progress: row.progress,
      // Retries list every folder: they exist because something went wrong last time.
      quickDiscovery: collection.settings.useQuickDiscovery && batch.attempt === 0,
      saveProgress: (progress) => repository.updateMailbox(batch.id, row.mailboxId, { progress }),
      signal,
    });
    const counts = await deps.items.countsFor(collection.id, batch.id, row.mailboxId);
    // A resumed mailbox whose remaining folders had nothing new still collected in this batch.
    const collected = outcome.status === 'noChanges' && counts.messages + counts.events > 0;
    await repository.updateMailbox(batch.id, row.mailboxId, {
      status: collected ? 'collected' : outcome.status,
      reason: outcome.reason,
      ...counts,
    });
  }

  /** Closes the batch when nothing is pending: done, or failed mailboxes retried later. */
  async function finishIfDone(batchId: string): Promise<void> {
    const batch = await repository.batch(batchId);
    if (!batch || batch.status !== 'running') return;
    const counts = await repository.tally(batchId);
    if ((counts.pending ?? 0) > 0) return;
    const failed = counts.failed ?? 0;
    const now = new Date();
    if (failed > 0 && batch.attempt < RETRY_DELAYS_MINUTES.length) {
      const scheduledFor = new Date(now.getTime() + RETRY_DELAYS_MINUTES[batch.attempt]! * MINUTE);
      const moved = await repository.transition(batch.id, 'running', batch.attempt, {
        status: 'retryScheduled',
        counts,
        nextRetryAt: scheduledFor,
        retries: [
          ...batch.retries,
          { attempt: batch.attempt + 1, scheduledFor: scheduledFor.toISOString(), failed },
        ],
      });
      if (moved)
        await queue.send(QUEUES.retry, { batchId, attempt: batch.attempt + 1 } satisfies RetryData, {
          startAfter: scheduledFor,
        });
      return;
    }
    const status =
      failed === 0 ? 'completed' : failed === counts.mailboxes ? 'failed' : 'completedWithErrors';
    const errors: BatchError[] = [...batch.errors];
    if (failed > 0)
      for (const row of await repository.mailboxes(batchId, { statuses: ['failed'] }, 20))
        errors.push({ mailbox: row.upn, error: row.reason ?? 'failed' });
    const moved = await repository.transition(batch.id, 'running', batch.attempt, {
      status,
      counts,
      errors,
      nextRetryAt: null,
      completedAt: now,
    });
    if (moved)
      await audit(
        batch,
        SYSTEM,
        'collection.batch.completed',
        { status, counts },
        failed ? 'failure' : 'success',
      );
  }

  async function retry(data: RetryData): Promise<void> {
    const batch = await repository.batch(data.batchId);
    if (!batch || batch.status !== 'retryScheduled' || batch.attempt + 1 !== data.attempt) return;
    const moved = await repository.transition(batch.id, 'retryScheduled', batch.attempt, {
      status: 'running',
      attempt: data.attempt,
      nextRetryAt: null,
    });
    if (!moved) return;
    const jobs = await repository.reopenFailed(batch.id);
    for (const job of jobs)
      await queue.send(QUEUES.job, { batchId: batch.id, job, attempt: data.attempt } satisfies JobData);
    if (jobs.length === 0) await finishIfDone(batch.id);
  }

  /** Every minute: close what finished, start what is due. */
  async function tick(now = new Date()): Promise<void> {
    for (const collection of await repository.enabled()) {
      try {
        const running = await repository.runningBatch(collection.id);
        if (running) await finishIfDone(running.id);
        else if (nextBatchWindow(collection.nextWindowStart, collection.settings, now))
          await start(collection, 'schedule');
      } catch (error) {
        deps.log.error({ err: error, collectionId: collection.id }, 'collection tick failed');
      }
    }
  }

  async function audit(
    batch: BatchRow,
    actor: Actor,
    action: string,
    details: Record<string, unknown>,
    outcome: AuditInput['outcome'] = 'success',
  ) {
    await deps.audit.record({
      tenantId: batch.tenantId,
      ...actor,
      action,
      targetType: 'collectionBatch',
      targetId: batch.id,
      outcome,
      details: { collectionId: batch.collectionId, seq: batch.seq, ...details },
    });
  }

  return { start, runJob, retry, tick, finishIfDone };
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < items.length && failure === null) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  // Every worker stops before the job reports: a retried job never races its own leftovers.
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw failure;
}

export type BatchService = ReturnType<typeof createBatchService>;
