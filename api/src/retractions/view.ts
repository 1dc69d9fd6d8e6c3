// A retraction as the API shows it: status, counts, rate and ETA, approval, recoverability.
import type { Retraction, RetractionAction } from '@clawback/shared';
import type { RetractionRow, StateCounts } from './repository.js';

/** Who can still get the mail back after each action, in plain words. */
export const RECOVERABILITY: Record<RetractionAction, string> = {
  moveToJunk: 'The recipient can still open it from Junk Email; undo moves it back.',
  moveToDeletedItems:
    'The recipient can still open it from Deleted Items until that is emptied; undo moves it back.',
  softDelete:
    'Hidden from the recipient; they can restore it with "Recover deleted items" during the retention period; undo moves it back.',
  hardDelete:
    'Gone for the recipient; only an administrator can recover it from the purges folder during the retention period. There is no undo.',
  moveToInbox: 'Back in the Inbox (a released false positive); undo moves it back.',
};

const EVENTS_GONE =
  ' Calendar events of the meeting request are deleted with it; undo does not bring them back.';

function recoverability(row: RetractionRow): string {
  const action = row.action as RetractionAction;
  const events = row.kind === 'retract' && row.scope.includeCalendarEvents && action !== 'moveToInbox';
  return RECOVERABILITY[action] + (events ? EVENTS_GONE : '');
}

export function toView(
  row: RetractionRow,
  counts: StateCounts,
  extra: { existing?: boolean } = {},
): Retraction {
  const c = (state: string) => counts[state] ?? 0;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const pending = c('planned') + c('pending') + c('acting');
  const finished = total - pending;
  const elapsed = row.startedAt ? (Date.now() - row.startedAt.getTime()) / 1000 : 0;
  const running = row.status === 'running';
  const rate = running && elapsed > 0 ? finished / elapsed : null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: row.id,
    kind: row.kind,
    undoOf: row.undoOf,
    status: row.status as Retraction['status'],
    action: row.action as RetractionAction,
    internetMessageId: row.internetMessageId,
    subject: row.subject,
    sender: row.sender,
    campaignId: row.campaignId,
    dryRun: row.dryRun,
    reason: row.reason,
    source: row.source,
    requestedBy: { id: row.requestedBy, name: row.requestedByName, kind: row.requesterKind },
    approval: {
      required: row.approvalRequired,
      reasons: row.approvalReasons,
      approvedBy: row.approvedByName ?? row.approvedBy,
      approvedAt: iso(row.approvedAt),
      expiresAt: iso(row.approvalExpiresAt),
    },
    plan: row.plan ?? null,
    counts: {
      total,
      pending,
      done: c('done') + c('alreadyInTarget'),
      alreadyInTarget: c('alreadyInTarget'),
      notFound: c('notFound'),
      failed: c('failed'),
      skipped: c('skipped'),
    },
    rate: rate === null ? null : Math.round(rate * 10) / 10,
    etaSeconds: rate && rate > 0 ? Math.ceil(pending / rate) : null,
    undoable:
      row.kind === 'retract' &&
      row.action !== 'hardDelete' &&
      !row.dryRun &&
      ['completed', 'completedWithErrors', 'cancelled'].includes(row.status),
    recoverability: recoverability(row),
    armedUntil: iso(row.armedUntil),
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    error: row.error,
    ...(extra.existing ? { existing: true } : {}),
  };
}
