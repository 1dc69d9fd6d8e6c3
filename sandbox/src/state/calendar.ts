// Calendar operations over a tenant: a meeting lands in the organizer's and every attendee's
// calendar (one copy per mailbox, sharing an iCalUId), optionally with the meeting request each
// attendee receives in the Inbox (an eventMessageRequest pointing at their own copy); updates touch
// every copy, and removals leave a tombstone for calendarView delta.
import { deliver, expandRecipients } from './mail.js';
import type { TenantState } from './tenant.js';
import type { EmailAddress, Mailbox, SandboxEvent } from './types.js';

/** Key of a mailbox's calendar in `Mailbox.removals` (folder ids are Exchange ids, never this). */
export const CALENDAR_REMOVALS = 'calendar';

export interface MeetingRequest {
  organizer: EmailAddress;
  /** Addresses; distribution lists are expanded to their members' calendars. */
  attendees: string[];
  subject: string;
  body?: string;
  /** UTC instants, e.g. 2025-03-01T09:00:00Z. */
  start: string;
  end: string;
  location?: string;
  isAllDay?: boolean;
  isCancelled?: boolean;
  /** Also deliver the meeting request to every attendee, as Exchange does when the invitation is sent. */
  invitation?: { internetMessageId?: string };
}

export type MeetingChange = Partial<
  Pick<SandboxEvent, 'subject' | 'start' | 'end' | 'location' | 'isCancelled' | 'isAllDay'>
>;

export interface MeetingCopies {
  iCalUId: string;
  copies: { mailbox: string; userId: string; id: string }[];
  /** The meeting request's copies in the attendees' mailboxes, when one was sent. */
  invitation?: { internetMessageId: string; copies: { mailbox: string; userId: string; id: string }[] };
}

export function addMeeting(tenant: TenantState, request: MeetingRequest): MeetingCopies {
  const random = tenant.random;
  const iCalUId = `040000008200E00074C5B7101A82E008${random.bytes(16).toString('hex').toUpperCase()}`;
  const now = isoNow();
  const attendees = request.attendees.map((address) => ({
    emailAddress: { name: tenant.findUser(address)?.displayName ?? address, address },
    type: 'required' as const,
  }));
  const owners = expandRecipients(tenant, [request.organizer.address, ...request.attendees]);
  const copies: MeetingCopies['copies'] = [];
  for (const userId of owners) {
    if (!tenant.hasMailbox(userId)) continue;
    const event: SandboxEvent = {
      id: random.exchangeId('AAMkAE'),
      iCalUId,
      subject: request.subject,
      body: { contentType: 'html', content: request.body ?? '' },
      start: request.start,
      end: request.end,
      timeZone: 'UTC',
      location: request.location ?? '',
      organizer: request.organizer,
      attendees,
      isCancelled: request.isCancelled ?? false,
      isAllDay: request.isAllDay ?? false,
      createdDateTime: now,
      lastModifiedDateTime: now,
      seq: tenant.nextSeq(),
    };
    tenant.mailbox(userId).events.set(event.id, event);
    copies.push({ mailbox: tenant.users.get(userId)!.userPrincipalName, userId, id: event.id });
  }
  if (!request.invitation) return { iCalUId, copies };
  return { iCalUId, copies, invitation: sendInvitation(tenant, request, copies) };
}

/**
 * The meeting request as attendees receive it: one eventMessageRequest per attendee mailbox, each
 * linked to that mailbox's own copy of the event; an organizer in the tenant keeps the request in
 * Sent Items, linked to the organizer's copy.
 */
function sendInvitation(
  tenant: TenantState,
  request: MeetingRequest,
  copies: MeetingCopies['copies'],
): NonNullable<MeetingCopies['invitation']> {
  const eventOf = new Map(copies.map((copy) => [copy.userId, copy.id]));
  const sent = deliver(tenant, {
    from: request.organizer,
    to: request.attendees,
    subject: request.subject,
    body: request.body ?? '',
    internetMessageId: request.invitation?.internetMessageId,
    meetingMessageType: 'meetingRequest',
    eventIdFor: (userId) => eventOf.get(userId) ?? null,
    keepSentCopy: true,
  });
  return { internetMessageId: sent.internetMessageId, copies: sent.copies };
}

/** Applies a change to every copy of a meeting; answers how many copies changed. */
export function updateMeeting(tenant: TenantState, iCalUId: string, change: MeetingChange): number {
  let changed = 0;
  for (const [, event] of copiesOfMeeting(tenant, iCalUId)) {
    Object.assign(event, change, { seq: tenant.nextSeq(), lastModifiedDateTime: isoNow() });
    changed += 1;
  }
  return changed;
}

/** Removes every copy of a meeting, leaving tombstones for delta; answers how many were removed. */
export function removeMeeting(tenant: TenantState, iCalUId: string): number {
  const found = copiesOfMeeting(tenant, iCalUId);
  for (const [mailbox, event] of found) removeEventCopy(tenant, mailbox, event.id);
  return found.length;
}

/** Removes one mailbox's copy of an event (a delete in that calendar only), leaving a tombstone. */
export function removeEventCopy(tenant: TenantState, mailbox: Mailbox, eventId: string): void {
  mailbox.events.delete(eventId);
  const removals = mailbox.removals.get(CALENDAR_REMOVALS) ?? [];
  removals.push({ id: eventId, seq: tenant.nextSeq() });
  mailbox.removals.set(CALENDAR_REMOVALS, removals);
}

export function calendarRemovals(mailbox: Mailbox): { id: string; seq: number }[] {
  return mailbox.removals.get(CALENDAR_REMOVALS) ?? [];
}

function copiesOfMeeting(tenant: TenantState, iCalUId: string): [Mailbox, SandboxEvent][] {
  const found: [Mailbox, SandboxEvent][] = [];
  for (const mailbox of tenant.existingMailboxes())
    for (const event of mailbox.events.values()) if (event.iCalUId === iCalUId) found.push([mailbox, event]);
  return found;
}

function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
