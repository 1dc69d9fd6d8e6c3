// The blast radius: every candidate mailbox searched live for the message (all folders but the
// purges folder), with the folders its copies sit in, whether they were read, and the folder the
// action will move them to; when asked, the calendar events of a meeting request, apart from the
// messages. Nothing is changed here.
import { ACTION_DESTINATIONS, type RetractionAction } from '@clawback/shared';
import type { CopyState, EventCopyState, PlanTotals } from '../db/schema/index.js';
import type { MailboxRef } from '../directory/directory-service.js';
import type { GraphCallResult, GraphExecutor } from '../graph/executor.js';
import {
  eventHandling,
  findEventCopies,
  meetingUid,
  type EventHandling,
  type MailboxEvents,
} from './calendar-events.js';
import {
  failureReason,
  folderCall,
  searchCall,
  searchDeletedCall,
  skipReason,
  type RetractionCall,
} from './graph-calls.js';

export interface PlannedMailbox {
  mailbox: MailboxRef;
  state: 'planned' | 'notFound' | 'alreadyInTarget' | 'skipped' | 'failed';
  reason: string | null;
  copies: CopyState[];
  /** Calendar events of a meeting request (scope.includeCalendarEvents). */
  events: EventCopyState[];
  targetFolderId: string | null;
  /** Header recipients seen on a found copy (for later rescans). */
  recipients: string[];
}

export interface PlanResult {
  mailboxes: PlannedMailbox[];
  notes: string[];
  /** Subject and sender as a found copy says, for a retraction started without them. */
  message: { subject: string | null; sender: string | null } | null;
  /** What happens to calendar events, when they were asked for. */
  events: EventHandling | null;
}

export interface PlanOptions {
  nameFolders?: boolean;
  includeCalendarEvents?: boolean;
}

interface FoundMessage {
  id: string;
  '@odata.type'?: string;
  subject?: string;
  from?: { emailAddress?: { address?: string } };
  /** Found in Recoverable Items (already soft-deleted). */
  recoverable?: boolean;
  parentFolderId?: string;
  isRead?: boolean;
  receivedDateTime?: string;
  toRecipients?: { emailAddress?: { address?: string } }[];
  ccRecipients?: { emailAddress?: { address?: string } }[];
}

interface Collected {
  messages: FoundMessage[];
  inboxId: string | null;
  target: { id: string; name: string } | null;
  skip: string | null;
  failure: string | null;
}

/**
 * Above this many mailboxes the plan does not name folders: naming costs a folder lookup per
 * mailbox, which would make a large retraction a third slower. Copies are still counted by read state.
 */
export const FOLDER_NAMING_LIMIT = 2_000;

export async function planMailboxes(
  executor: GraphExecutor,
  mailboxes: MailboxRef[],
  internetMessageId: string,
  action: RetractionAction,
  options: PlanOptions = {},
): Promise<PlanResult> {
  const planned: PlannedMailbox[] = [];
  const searchable: MailboxRef[] = [];
  for (const mailbox of mailboxes) {
    if (!mailbox.published) planned.push(skipped(mailbox, 'notPublished'));
    else if (mailbox.kind === 'none') planned.push(skipped(mailbox, 'noMailbox'));
    else searchable.push(mailbox);
  }
  const nameFolders = (options.nameFolders ?? true) && searchable.length <= FOLDER_NAMING_LIMIT;
  const collected = await searchAll(executor, searchable, internetMessageId, action, nameFolders);
  const names = nameFolders ? await folderNames(executor, collected) : new Map<string, string>();
  const notes: string[] = [];
  const handling = options.includeCalendarEvents ? eventHandling(action) : null;
  const calendars =
    handling && handling !== 'leave' ? await searchCalendars(executor, collected, notes) : new Map();
  if (handling === 'leave') notes.push(`${action} leaves calendar events as they are`);
  for (const mailbox of searchable)
    planned.push(toPlan(mailbox, collected.get(mailbox.id)!, names, action, calendars.get(mailbox.id)));
  return { mailboxes: planned, notes, message: messageFacts(collected), events: handling };
}

function skipped(mailbox: MailboxRef, reason: string): PlannedMailbox {
  return { mailbox, state: 'skipped', reason, copies: [], events: [], targetFolderId: null, recipients: [] };
}

/** Each searchable calendar's copies of the meeting the message invites to (none if it invites to none). */
async function searchCalendars(
  executor: GraphExecutor,
  collected: Map<string, Collected>,
  notes: string[],
): Promise<Map<string, MailboxEvents>> {
  const copies = [...collected].flatMap(([mailbox, entry]) =>
    entry.messages.map((m) => ({
      mailbox,
      messageId: m.id,
      meeting: /eventMessage/i.test(m['@odata.type'] ?? ''),
    })),
  );
  const uid = await meetingUid(executor, copies);
  if (!uid) {
    notes.push(
      'the message is not a meeting request (or no copy of it is left): no calendar events to remove',
    );
    return new Map();
  }
  const searchable = [...collected].filter(([, entry]) => !entry.skip).map(([mailbox]) => mailbox);
  const found = await findEventCopies(executor, searchable, uid);
  const failed = [...found.values()].filter((f) => f.failure && f.failure !== 'outOfScope');
  if (failed.length)
    notes.push(`calendars of ${failed.length} mailboxes could not be searched (${failed[0]!.failure})`);
  if ([...found.values()].some((f) => f.organizerCopy))
    notes.push("the organizer's own event is left: deleting it would cancel the meeting for every attendee");
  return found;
}

/** Subject and sender from the first copy that names them. */
function messageFacts(collected: Map<string, Collected>): PlanResult['message'] {
  for (const entry of collected.values())
    for (const message of entry.messages)
      if (message.subject !== undefined || message.from?.emailAddress?.address)
        return { subject: message.subject ?? null, sender: message.from?.emailAddress?.address ?? null };
  return null;
}

async function searchAll(
  executor: GraphExecutor,
  mailboxes: MailboxRef[],
  internetMessageId: string,
  action: RetractionAction,
  nameFolders: boolean,
) {
  const destination = ACTION_DESTINATIONS[action];
  const calls: RetractionCall[] = [];
  for (const { id } of mailboxes) {
    calls.push(searchCall(id, internetMessageId));
    // Folder ids of Inbox and the target name most copies; a move needs neither (it takes the
    // well-known name), so large retractions skip them.
    if (nameFolders) calls.push(folderCall(id, 'inbox', 'inbox'));
    if (nameFolders && destination) calls.push(folderCall(id, destination, 'target'));
    if (!destination) calls.push(searchDeletedCall(id, internetMessageId));
  }
  const collected = new Map<string, Collected>(
    mailboxes.map((m) => [m.id, { messages: [], inboxId: null, target: null, skip: null, failure: null }]),
  );
  for (const result of await executor.run(calls)) record(collected.get(result.call.mailbox)!, result);
  return collected;
}

function record(entry: Collected, result: GraphCallResult<RetractionCall>): void {
  const body = result.body as { value?: FoundMessage[]; id?: string; displayName?: string };
  if (result.status >= 400) {
    // A folder lookup failing does not stop the search; a search failing does.
    if (result.call.purpose === 'search' || result.call.purpose === 'searchDeleted') {
      entry.skip ??= skipReason(result.status, result.body);
      if (!entry.skip) entry.failure ??= `search failed: ${failureReason(result.status, result.body)}`;
    }
    return;
  }
  switch (result.call.purpose) {
    case 'search':
    case 'searchDeleted':
      for (const message of body.value ?? [])
        if (!entry.messages.some((m) => m.id === message.id))
          entry.messages.push({ ...message, recoverable: result.call.purpose === 'searchDeleted' });
      break;
    case 'inbox':
      entry.inboxId = body.id ?? null;
      break;
    case 'target':
      entry.target = body.id ? { id: body.id, name: result.call.ref! } : null;
      break;
  }
}

/** Display names of folders that are neither the inbox nor the target, one lookup per folder. */
async function folderNames(
  executor: GraphExecutor,
  collected: Map<string, Collected>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const calls: RetractionCall[] = [];
  for (const [mailboxId, entry] of collected) {
    const known = new Set([entry.inboxId, entry.target?.id]);
    const unknown = new Set(
      entry.messages
        .filter((m) => !m.recoverable)
        .map((m) => m.parentFolderId)
        .filter((id): id is string => !!id && !known.has(id)),
    );
    for (const folderId of unknown) calls.push(folderCall(mailboxId, folderId, 'folderName'));
  }
  for (const result of await executor.run(calls)) {
    const body = result.body as { displayName?: string };
    if (result.status === 200 && body.displayName)
      names.set(`${result.call.mailbox}|${result.call.ref}`, body.displayName);
  }
  return names;
}

function toPlan(
  mailbox: MailboxRef,
  entry: Collected,
  names: Map<string, string>,
  action: RetractionAction,
  calendar?: MailboxEvents,
): PlannedMailbox {
  const events = calendar?.events ?? [];
  const recipients = entry.messages
    .flatMap((m) =>
      [...(m.toRecipients ?? []), ...(m.ccRecipients ?? [])].map((r) => r.emailAddress?.address ?? ''),
    )
    .filter(Boolean);
  if (entry.skip) return { ...skipped(mailbox, entry.skip), recipients };
  if (entry.failure && entry.messages.length === 0 && events.length === 0)
    return {
      mailbox,
      state: 'failed',
      reason: entry.failure,
      copies: [],
      events,
      targetFolderId: null,
      recipients,
    };
  const targetId = entry.target?.id ?? null;
  const folderName = (message: FoundMessage) => {
    if (message.recoverable) return 'recoverableitemsdeletions';
    if (!message.parentFolderId) return null;
    if (message.parentFolderId === entry.inboxId) return 'inbox';
    if (message.parentFolderId === targetId) return entry.target!.name;
    return names.get(`${mailbox.id}|${message.parentFolderId}`) ?? (entry.inboxId ? 'other' : 'unnamed');
  };
  const copies: CopyState[] = entry.messages.map((m) => ({
    id: m.id,
    folderId: m.parentFolderId ?? null,
    folder: folderName(m),
    isRead: m.isRead ?? null,
    receivedAt: m.receivedDateTime ?? null,
  }));
  if (copies.length === 0 && events.length === 0)
    return { mailbox, state: 'notFound', reason: null, copies, events, targetFolderId: targetId, recipients };
  // Events have no folder to be "already in": any left in the calendar still need the action.
  const allInTarget =
    events.length === 0 &&
    ACTION_DESTINATIONS[action] !== null &&
    copies.every((c) => c.folderId === targetId);
  return {
    mailbox,
    state: allInTarget ? 'alreadyInTarget' : 'planned',
    reason: null,
    copies,
    events,
    targetFolderId: targetId,
    recipients,
  };
}

export function planTotals(
  planned: PlannedMailbox[],
  notes: string[],
  events: EventHandling | null = null,
): PlanTotals {
  const byFolder: Record<string, number> = {};
  let copies = 0;
  let read = 0;
  for (const mailbox of planned) {
    for (const copy of mailbox.copies) {
      copies += 1;
      if (copy.isRead) read += 1;
      const folder = copy.folder ?? 'unknown';
      byFolder[folder] = (byFolder[folder] ?? 0) + 1;
    }
  }
  return {
    mailboxes: planned.length,
    withCopies: planned.filter((m) => m.copies.length > 0).length,
    copies,
    read,
    unread: copies - read,
    byFolder,
    skipped: planned.filter((m) => m.state === 'skipped').length,
    notes,
    ...(events
      ? {
          events: {
            copies: planned.reduce((sum, m) => sum + m.events.length, 0),
            mailboxes: planned.filter((m) => m.events.length > 0).length,
            handling: events,
          },
        }
      : {}),
  };
}
