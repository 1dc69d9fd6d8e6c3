// The event resource as Graph sends it, built from a stored event as seen from one mailbox (the
// organizer's copy says isOrganizer and responseStatus "organizer"). Times are UTC: the sandbox
// does not apply `Prefer: outlook.timezone`, and every start/end says so in its timeZone.
import { createHash } from 'node:crypto';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { GraphError } from '../http/errors.js';
import type { SandboxRequest } from '../http/types.js';
import type { SandboxEvent, SandboxUser } from '../state/types.js';

export type EventWire = MicrosoftGraph.Event & { '@odata.etag': string; uid: string } & Record<
    string,
    unknown
  >;

const NEVER = '0001-01-01T00:00:00Z';

export function eventWire(event: SandboxEvent, owner: SandboxUser): EventWire {
  const changeKey = changeKeyOf(event);
  const isOrganizer = sameAddress(event.organizer.address, owner);
  const location: MicrosoftGraph.Location = {
    displayName: event.location,
    locationType: 'default',
    uniqueId: event.location || undefined,
    uniqueIdType: event.location ? 'private' : 'unknown',
  };
  const online = /teams/i.test(event.location);
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: event.id,
    createdDateTime: graphInstant(event.createdDateTime),
    lastModifiedDateTime: graphInstant(event.lastModifiedDateTime),
    changeKey,
    categories: [],
    transactionId: null,
    originalStartTimeZone: event.timeZone,
    originalEndTimeZone: event.timeZone,
    iCalUId: event.iCalUId,
    uid: event.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: !event.isCancelled,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: preview(event.body.content),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    isOrganizer,
    responseRequested: true,
    seriesMasterId: null,
    showAs: event.isCancelled ? 'free' : 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: online,
    onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: isOrganizer ? 'organizer' : 'notResponded', time: NEVER },
    body: { ...event.body },
    start: { dateTime: wallClock(event.start), timeZone: 'UTC' },
    end: { dateTime: wallClock(event.end), timeZone: 'UTC' },
    location,
    locations: event.location ? [location] : [],
    recurrence: null,
    attendees: event.attendees.map((a) => ({
      type: a.type,
      status: { response: 'none', time: NEVER },
      emailAddress: { ...a.emailAddress },
    })),
    organizer: { emailAddress: { ...event.organizer } },
    onlineMeeting: null,
  };
}

/** Lower-cased property names `$select` accepts on events. */
export const EVENT_PROPERTIES: ReadonlySet<string> = new Set(
  Object.keys(
    eventWire(
      {
        id: 'x',
        iCalUId: 'x',
        subject: '',
        body: { contentType: 'html', content: '' },
        start: NEVER,
        end: NEVER,
        timeZone: 'UTC',
        location: '',
        organizer: { name: '', address: '' },
        attendees: [],
        isCancelled: false,
        isAllDay: false,
        createdDateTime: NEVER,
        lastModifiedDateTime: NEVER,
        seq: 0,
      },
      { mail: null, userPrincipalName: '' } as SandboxUser,
    ),
  )
    .filter((key) => !key.startsWith('@'))
    .map((key) => key.toLowerCase()),
);

/** A query parameter by case-insensitive name (Graph's own examples write `startdatetime`). */
export function queryParam(request: SandboxRequest, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of request.query) if (key.toLowerCase() === wanted) return value;
  return null;
}

/**
 * The calendarView window. Both ends are required; a value without a zone is UTC (the sandbox
 * ignores `Prefer: outlook.timezone`).
 */
export function parseWindow(request: SandboxRequest): { start: number; end: number } {
  const start = queryParam(request, 'startDateTime');
  const end = queryParam(request, 'endDateTime');
  if (!start || !end)
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  return { start: instant(start, 'StartDateTime'), end: instant(end, 'EndDateTime') };
}

/** Events overlapping [start, end): an event ending exactly at the start is outside. */
export function overlaps(event: SandboxEvent, window: { start: number; end: number }): boolean {
  return Date.parse(event.start) < window.end && Date.parse(event.end) > window.start;
}

function instant(value: string, parameter: string): number {
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
  const time = Date.parse(zoned);
  if (Number.isNaN(time))
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      `The value '${value}' of parameter '${parameter}' is invalid.`,
    );
  return time;
}

function changeKeyOf(event: SandboxEvent): string {
  return createHash('sha256').update(`${event.id}:${event.seq}`).digest().subarray(0, 16).toString('base64');
}

function sameAddress(address: string, owner: SandboxUser): boolean {
  const a = address.toLowerCase();
  return a === owner.mail?.toLowerCase() || a === owner.userPrincipalName.toLowerCase();
}

/** 2025-03-01T09:00:00Z → 2025-03-01T09:00:00.0000000 (Graph's dateTimeTimeZone form). */
function wallClock(iso: string): string {
  return new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$10000');
}

/** 2025-03-01T09:00:00Z → 2025-03-01T09:00:00.0000000Z, as Outlook stamps items. */
function graphInstant(iso: string): string {
  return new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

function preview(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}
