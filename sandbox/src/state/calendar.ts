// Calendar operations over a tenant: a meeting lands in the organizer's and every attendee's
// calendar (one copy per mailbox, sharing an iCalUId), updates touch every copy, and removals leave
// a tombstone for calendarView delta.
import { expandRecipients } from './mail.js';
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
}

export type MeetingChange = Partial<
  Pick<SandboxEvent, 'subject' | 'start' | 'end' | 'location' | 'isCancelled' | 'isAllDay'>
>;

export interface MeetingCopies {
  iCalUId: string;
  copies: { mailbox: string; userId: string; id: string }[];
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
  return { iCalUId, copies };
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
  for (const [mailbox, event] of found) {
    mailbox.events.delete(event.id);
    const removals = mailbox.removals.get(CALENDAR_REMOVALS) ?? [];
    removals.push({ id: event.id, seq: tenant.nextSeq() });
    mailbox.removals.set(CALENDAR_REMOVALS, removals);
  }
  return found.length;
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
