// Acting on one chunk of mailboxes. Each mailbox is claimed (pending → acting) before Graph is
// called; a mailbox found still 'acting' when claimed again was interrupted by a crash, so each of
// its copies is re-checked by immutable id before anything is done to it: a retried job never acts
// twice on a copy. Calendar events of a meeting request go with their mailbox's messages.
import type { RetractionAction } from '@clawback/shared';
import type { CopyState, EventCopyState } from '../db/schema/index.js';
import type { GraphCallResult, GraphExecutor } from '../graph/executor.js';
import { ACTION_DESTINATIONS } from '@clawback/shared';
import { actOnEvents, eventHandling, type EventWork } from './calendar-events.js';
import {
  actionCall,
  failureReason,
  folderCall,
  recheckCall,
  skipReason,
  type RetractionCall,
} from './graph-calls.js';
import type { MailboxRow, RetractionRow } from './repository.js';

export interface MailboxOutcome {
  row: MailboxRow;
  state: 'done' | 'notFound' | 'alreadyInTarget' | 'skipped' | 'failed';
  reason: string | null;
  copies: CopyState[];
  events: EventCopyState[];
}

interface CopyWork {
  row: MailboxRow;
  copy: CopyState;
  /** Folder id the copy must end in, or null for a permanent delete. */
  destination: string | null;
}

export async function actOnMailboxes(
  executor: GraphExecutor,
  retraction: RetractionRow,
  claimed: MailboxRow[],
): Promise<MailboxOutcome[]> {
  const action = retraction.action as RetractionAction;
  const work: CopyWork[] = claimed.flatMap((row) =>
    row.copies
      .filter((copy) => !copy.outcome || copy.outcome === 'failed')
      .map((copy) => ({
        row,
        copy: { ...copy, outcome: undefined, error: undefined },
        destination: destinationOf(retraction, row, copy),
      })),
  );
  const interrupted = work.filter((w) => w.row.state === 'acting');
  const needsAction = new Set(work.filter((w) => w.row.state !== 'acting'));
  if (retraction.kind === 'retract') await resolveDestinations(executor, interrupted, action);
  await recheck(executor, interrupted, action, needsAction);
  for (const item of needsAction) {
    // A copy already where the action would put it is left alone: no Graph call, no action.
    if (retraction.kind === 'retract' && item.destination && item.copy.folderId === item.destination) {
      item.copy.outcome = 'alreadyInTarget';
      item.copy.resultFolderId = item.destination;
      needsAction.delete(item);
    }
  }
  await act(executor, [...needsAction], action, retraction.kind === 'undo');
  const events = retraction.kind === 'retract' ? eventWork(claimed) : [];
  await actOnEvents(executor, events, eventHandling(action));
  return claimed.map((row) =>
    summarise(
      row,
      work.filter((w) => w.row === row),
      events.filter((e) => e.mailbox === row.mailboxId),
    ),
  );
}

/** Event copies not yet removed (or whose removal failed), as fresh work items. */
function eventWork(claimed: MailboxRow[]): EventWork[] {
  return claimed.flatMap((row) =>
    row.events
      .filter((event) => !event.outcome || event.outcome === 'failed')
      .map((event) => ({
        mailbox: row.mailboxId,
        event: { id: event.id, subject: event.subject },
        interrupted: row.state === 'acting',
      })),
  );
}

function destinationOf(retraction: RetractionRow, row: MailboxRow, copy: CopyState): string | null {
  if (retraction.kind === 'undo') return copy.folderId;
  return row.targetFolderId;
}

/** An interrupted mailbox whose plan did not look up the target folder's id gets it now. */
async function resolveDestinations(
  executor: GraphExecutor,
  interrupted: CopyWork[],
  action: RetractionAction,
) {
  const wellKnown = ACTION_DESTINATIONS[action];
  if (!wellKnown) return;
  const missing = [...new Set(interrupted.filter((w) => !w.destination).map((w) => w.row.mailboxId))];
  const found = new Map<string, string>();
  for (const result of await executor.run(missing.map((mailbox) => folderCall(mailbox, wellKnown, 'target'))))
    if (result.status === 200) found.set(result.call.mailbox, (result.body as { id: string }).id);
  for (const item of interrupted) item.destination ??= found.get(item.row.mailboxId) ?? null;
}

/** Copies of interrupted mailboxes: done already if they sit in the destination (or are gone after a hard delete). */
async function recheck(
  executor: GraphExecutor,
  interrupted: CopyWork[],
  action: RetractionAction,
  needsAction: Set<CopyWork>,
) {
  const results = await executor.run(
    interrupted.map((w) => ({ ...recheckCall(w.row.mailboxId, w.copy.id), work: w })),
  );
  for (const result of results) {
    const { work } = result.call;
    const body = result.body as { parentFolderId?: string };
    if (result.status === 404) {
      work.copy.outcome = action === 'hardDelete' ? 'done' : 'notFound';
      work.copy.resultFolderId = null;
    } else if (result.status === 200 && work.destination && body.parentFolderId === work.destination) {
      work.copy.outcome = 'done';
      work.copy.resultFolderId = work.destination;
    } else if (result.status === 200) needsAction.add(work);
    else failCopy(work, result);
  }
}

async function act(executor: GraphExecutor, work: CopyWork[], action: RetractionAction, undo: boolean) {
  const calls = work.map((w) => ({
    ...actionCall(w.row.mailboxId, w.copy.id, action, undo ? (w.destination ?? undefined) : undefined),
    work: w,
  }));
  for (const result of await executor.run(calls)) {
    const { work: item } = result.call;
    const body = result.body as { parentFolderId?: string; id?: string };
    if (result.status === 201 || result.status === 200) {
      item.copy.outcome =
        item.copy.folderId && body.parentFolderId === item.copy.folderId && !undo
          ? 'alreadyInTarget'
          : 'done';
      item.copy.resultFolderId = body.parentFolderId ?? item.destination;
    } else if (result.status === 204) {
      item.copy.outcome = 'done';
      item.copy.resultFolderId = null;
    } else if (result.status === 404 && !skipReason(result.status, result.body)) {
      item.copy.outcome = 'notFound';
    } else failCopy(item, result);
  }
}

function failCopy(work: CopyWork, result: GraphCallResult<RetractionCall>) {
  work.copy.outcome = 'failed';
  work.copy.error = skipReason(result.status, result.body) ?? failureReason(result.status, result.body);
}

function summarise(row: MailboxRow, work: CopyWork[], eventWork: EventWork[]): MailboxOutcome {
  const byId = new Map(work.map((w) => [w.copy.id, w.copy]));
  const copies = row.copies.map((copy) => byId.get(copy.id) ?? copy);
  const eventsById = new Map(eventWork.map((w) => [w.event.id, w.event]));
  const events = row.events.map((event) => eventsById.get(event.id) ?? event);
  const outcome = { row, copies, events };
  const failed = [...copies, ...events].find((c) => c.outcome === 'failed');
  if (failed) {
    const skip = failed.error === 'outOfScope' || failed.error === 'noMailbox';
    return { ...outcome, state: skip ? 'skipped' : 'failed', reason: failed.error ?? 'failed' };
  }
  const messages = copies.map((c) => c.outcome);
  const all = [...messages, ...events.map((e) => e.outcome)];
  if (all.includes('done')) return { ...outcome, state: 'done', reason: null };
  // Nothing was acted on: the copies sat in the target already, or were gone (events too).
  if (messages.length > 0 && messages.every((o) => o === 'alreadyInTarget'))
    return { ...outcome, state: 'alreadyInTarget', reason: null };
  if (all.every((o) => o === 'notFound'))
    return { ...outcome, state: 'notFound', reason: 'the copy was gone before the action' };
  return { ...outcome, state: 'done', reason: null };
}
