// Meeting-invitation copies in calendars (scope.includeCalendarEvents). A meeting request puts an
// event in each recipient's calendar, and the event outlives the message: Outlook files a request
// away once it is answered. So the event is found by the meeting's iCalUId, which every copy in every
// calendar shares: read once from a request's `event` navigation, then searched in every candidate.
//
// A calendar has no Junk Email of its own, so what happens to an event follows from the action:
// moveToJunk, moveToDeletedItems and softDelete delete it (Outlook keeps a deleted event in Deleted
// Items, where the recipient can still find it), hardDelete deletes it permanently, and moveToInbox
// (releasing a false positive) leaves it. The organizer's copy is never touched: deleting it would
// send a cancellation to every attendee, within the retraction's reach or not.
import type { RetractionAction } from '@clawback/shared';
import type { EventCopyState } from '../db/schema/index.js';
import type { GraphExecutor } from '../graph/executor.js';
import { graphPath, odataQuery, odataString } from '../graph/odata.js';
import { failureReason, skipReason, type RetractionCall } from './graph-calls.js';

export type EventHandling = 'delete' | 'permanentDelete' | 'leave';

export function eventHandling(action: RetractionAction): EventHandling {
  if (action === 'hardDelete') return 'permanentDelete';
  if (action === 'moveToInbox') return 'leave';
  return 'delete';
}

/** A found copy of the message that may be a meeting request. */
export interface MessageCopyRef {
  mailbox: string;
  messageId: string;
  /** Graph's `@odata.type` said it is a meeting message. */
  meeting: boolean;
}

/** Copies read to learn the meeting's iCalUId before giving up (the first usually answers). */
const UID_ATTEMPTS = 3;

/**
 * The iCalUId of the meeting the message invites to, or null when it is not a meeting request (or
 * no copy still points at its event). Copies Graph typed as meeting messages are asked first.
 */
export async function meetingUid(executor: GraphExecutor, copies: MessageCopyRef[]): Promise<string | null> {
  const ordered = [...copies.filter((c) => c.meeting), ...copies.filter((c) => !c.meeting)];
  for (const copy of ordered.slice(0, UID_ATTEMPTS)) {
    const [result] = await executor.run([meetingCall(copy.mailbox, copy.messageId)]);
    const body = result?.body as
      { '@odata.type'?: string; meetingMessageType?: string; event?: { iCalUId?: string } } | undefined;
    const request =
      body?.meetingMessageType === 'meetingRequest' ||
      body?.['@odata.type'] === '#microsoft.graph.eventMessageRequest';
    if (result?.status === 200 && request && body?.event?.iCalUId) return body.event.iCalUId;
  }
  return null;
}

export interface MailboxEvents {
  events: EventCopyState[];
  /** The organizer's own copy was found and left alone. */
  organizerCopy: boolean;
  /** Why the calendar could not be searched, if it could not. */
  failure: string | null;
}

/** Every candidate calendar's copies of the meeting. */
export async function findEventCopies(
  executor: GraphExecutor,
  mailboxes: string[],
  iCalUId: string,
): Promise<Map<string, MailboxEvents>> {
  const found = new Map<string, MailboxEvents>();
  for (const result of await executor.run(mailboxes.map((mailbox) => eventSearchCall(mailbox, iCalUId)))) {
    const entry: MailboxEvents = { events: [], organizerCopy: false, failure: null };
    found.set(result.call.mailbox, entry);
    if (result.status !== 200) {
      entry.failure =
        skipReason(result.status, result.body) ??
        `calendar search failed: ${failureReason(result.status, result.body)}`;
      continue;
    }
    const body = result.body as { value?: { id: string; subject?: string; isOrganizer?: boolean }[] };
    for (const event of body.value ?? []) {
      if (event.isOrganizer) entry.organizerCopy = true;
      else entry.events.push({ id: event.id, subject: event.subject ?? null });
    }
  }
  return found;
}

export interface EventWork {
  mailbox: string;
  event: EventCopyState;
  /** The mailbox was interrupted mid-action: a missing event is one this retraction already removed. */
  interrupted: boolean;
}

/** Deletes each event copy; a retried job finds an event it already deleted gone (404), never twice. */
export async function actOnEvents(
  executor: GraphExecutor,
  work: EventWork[],
  handling: EventHandling,
): Promise<void> {
  if (handling === 'leave' || work.length === 0) return;
  const calls = work.map((item) => ({ ...eventActionCall(item.mailbox, item.event.id, handling), item }));
  for (const result of await executor.run(calls)) {
    const { item } = result.call;
    if (result.status === 204 || result.status === 200) item.event.outcome = 'done';
    else if (result.status === 404 && !skipReason(result.status, result.body))
      item.event.outcome = item.interrupted ? 'done' : 'notFound';
    else {
      item.event.outcome = 'failed';
      item.event.error =
        skipReason(result.status, result.body) ??
        `calendar event: ${failureReason(result.status, result.body)}`;
    }
  }
}

/** The message with its `event` navigation (Graph's documented way from a meeting request to its event). */
function meetingCall(mailbox: string, messageId: string): RetractionCall {
  return {
    method: 'GET',
    url:
      graphPath`/users/${mailbox}/messages/${messageId}` +
      odataQuery({ $expand: 'microsoft.graph.eventMessage/event' }),
    mailbox,
    purpose: 'meeting',
    ref: messageId,
  };
}

function eventSearchCall(mailbox: string, iCalUId: string): RetractionCall {
  const query = odataQuery({
    $filter: `iCalUId eq ${odataString(iCalUId)}`,
    $select: 'id,subject,isOrganizer',
    $top: 50,
  });
  return { method: 'GET', url: graphPath`/users/${mailbox}/events` + query, mailbox, purpose: 'events' };
}

function eventActionCall(
  mailbox: string,
  eventId: string,
  handling: 'delete' | 'permanentDelete',
): RetractionCall {
  return handling === 'permanentDelete'
    ? {
        method: 'POST',
        url: graphPath`/users/${mailbox}/events/${eventId}/permanentDelete`,
        mailbox,
        purpose: 'eventAct',
        ref: eventId,
      }
    : {
        method: 'DELETE',
        url: graphPath`/users/${mailbox}/events/${eventId}`,
        mailbox,
        purpose: 'eventAct',
        ref: eventId,
      };
}
