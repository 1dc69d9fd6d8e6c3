// Stored rows as the API shows them (shared/src/api/collections.ts).
import type { BatchCounts, CollectionBatch, Collection } from '@clawback/shared';
import type { BatchMailboxRow, BatchRow, CollectionRow } from './repository.js';

const COUNT_KEYS: (keyof BatchCounts)[] = [
  'mailboxes',
  'pending',
  'collected',
  'noChanges',
  'inactive',
  'outOfScope',
  'notFound',
  'failed',
  'messages',
  'events',
  'attachments',
];

export function countsView(counts: Record<string, number>): BatchCounts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, counts[key] ?? 0])) as unknown as BatchCounts;
}

export function mailboxView(row: BatchMailboxRow) {
  return {
    mailbox: row.upn,
    mailboxId: row.mailboxId,
    job: row.job,
    status: row.status as CollectionBatch['problems'][number]['status'],
    reason: row.reason,
    messages: row.messages,
    events: row.events,
    attempts: row.attempts,
  };
}

export function batchView(
  row: BatchRow,
  live: Record<string, number> | null,
  problems: BatchMailboxRow[],
): CollectionBatch {
  return {
    id: row.id,
    collectionId: row.collectionId,
    seq: row.seq,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    windows: row.windows,
    coldStart: row.coldStart,
    trigger: row.trigger,
    status: row.status as CollectionBatch['status'],
    attempt: row.attempt,
    retries: row.retries,
    nextRetryAt: row.nextRetryAt?.toISOString() ?? null,
    counts: countsView(live ?? row.counts),
    errors: row.errors,
    problems: problems.map(mailboxView),
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export function collectionView(row: CollectionRow, lastBatch: CollectionBatch | null): Collection {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    monitored: row.monitored,
    settings: row.settings,
    enabled: row.enabled,
    collectFrom: row.collectFrom.toISOString(),
    nextWindowStart: row.nextWindowStart.toISOString(),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastBatch,
  };
}
