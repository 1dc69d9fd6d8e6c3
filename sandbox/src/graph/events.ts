// Calendar events of a mailbox: /events (filtered by iCalUId), /events/{id}, /calendarView and
// /calendarView/delta (the delta round lives in events-delta.ts) with Calendars.Read; deleting one
// copy (DELETE, or permanentDelete into the purges) with Calendars.ReadWrite.
import { assert, GraphError, graphErrors } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import { removeEventCopy } from '../state/calendar.js';
import type { SandboxEvent, SandboxUser } from '../state/types.js';
import { parseEventFilter } from './event-filter.js';
import { EVENT_PROPERTIES, eventWire, overlaps, parseWindow } from './event-wire.js';
import { calendarViewDelta } from './events-delta.js';
import {
  applySelect,
  collection,
  decodeSkipToken,
  nextLink,
  odataJson,
  parseSelect,
  parseTop,
  refuseUnsupported,
} from './odata.js';
import { PERMISSIONS, type GraphContext, type GraphRoute } from './registry.js';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;
/** Outlook item ids are long URL-safe base64; anything else is malformed, not missing. */
const ITEM_ID = /^[A-Za-z0-9_+/=-]{20,}$/;
const LIST_OPTIONS = ['$select', '$top', '$skip', '$skiptoken', '$orderby'];
const ORDERABLE: Record<string, (e: SandboxEvent) => string> = {
  'start/datetime': (e) => e.start,
  'end/datetime': (e) => e.end,
  createddatetime: (e) => e.createdDateTime,
  lastmodifieddatetime: (e) => e.lastModifiedDateTime,
  subject: (e) => e.subject,
};

function listEvents(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, [...LIST_OPTIONS, '$filter']);
  const filter = parseEventFilter(request.query.get('$filter'));
  const all = [...context.mailbox!.events.values()];
  const events = ordered(filter ? all.filter(filter) : all, request);
  return page(request, context, 'events', events);
}

function findEvent(request: SandboxRequest, context: GraphContext): SandboxEvent {
  const id = request.params.eventId!;
  assert(ITEM_ID.test(id), 400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
  const event = context.mailbox!.events.get(id);
  if (!event) throw graphErrors.itemNotFound();
  return event;
}

function getEvent(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select']);
  const event = findEvent(request, context);
  const select = parseSelect(request);
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${userSegment(request)}/events${selection(select)}/$entity`,
    ...applySelect(eventWire(event, context.mailboxOwner!), select, EVENT_PROPERTIES),
  });
}

/**
 * Removes this calendar's copy only: an attendee deleting a meeting sends nothing. Deleting the
 * organizer's copy would cancel the meeting for every attendee, which the sandbox does not model.
 */
function removeEvent(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, []);
  const event = findEvent(request, context);
  if (eventWire(event, context.mailboxOwner!).isOrganizer)
    throw new GraphError(
      501,
      'NotImplemented',
      "The sandbox does not delete an organizer's meeting (Graph would send cancellations to every attendee).",
    );
  removeEventCopy(context.sandbox.tenant, context.mailbox!, event.id);
  return { status: 204 };
}

function permanentDeleteEvent(request: SandboxRequest, context: GraphContext): SandboxResponse {
  assert(
    !request.bodyError && (request.body === undefined || Object.keys(request.body as object).length === 0),
    400,
    'BadRequest',
    "The operation 'permanentDelete' takes no parameters.",
  );
  return removeEvent(request, context);
}

/** Every event overlapping the window, cancelled ones included (they stay until removed). */
function calendarView(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, LIST_OPTIONS);
  const window = parseWindow(request);
  const events = [...context.mailbox!.events.values()].filter((event) => overlaps(event, window));
  return page(request, context, 'calendarView', ordered(events, request));
}

function page(
  request: SandboxRequest,
  context: GraphContext,
  segment: string,
  events: SandboxEvent[],
): SandboxResponse {
  const top = parseTop(request, DEFAULT_PAGE, MAX_PAGE);
  const size = Math.min(top, context.prefer.maxPageSize ?? top);
  const select = parseSelect(request);
  const offset = startOffset(request);
  const owner: SandboxUser = context.mailboxOwner!;
  const value = events
    .slice(offset, offset + size)
    .map((event) => applySelect(eventWire(event, owner), select, EVENT_PROPERTIES));
  const more = offset + size < events.length;
  return collection(context, `${userSegment(request)}/${segment}${selection(select)}`, value, {
    ...(more ? { '@odata.nextLink': nextLink(context, request, { o: offset + size }) } : {}),
  });
}

function startOffset(request: SandboxRequest): number {
  const token = request.query.get('$skiptoken');
  if (token !== null) {
    const state = decodeSkipToken<{ o?: unknown }>(token);
    assert(
      Number.isInteger(state.o) && (state.o as number) >= 0,
      400,
      'BadRequest',
      'The $skiptoken is invalid.',
    );
    return state.o as number;
  }
  const skip = request.query.get('$skip');
  if (skip === null) return 0;
  assert(
    /^\d+$/.test(skip),
    400,
    'BadRequest',
    `Invalid value '${skip}' for $skip query option found. The $skip query option requires a non-negative integer value.`,
  );
  return Number(skip);
}

/** Start time by default; `$orderby` on a few plain properties, refused for anything else. */
function ordered(events: SandboxEvent[], request: SandboxRequest): SandboxEvent[] {
  const raw = request.query.get('$orderby');
  const [property = 'start/dateTime', direction = 'asc'] = (raw ?? '').trim().split(/\s+/).filter(Boolean);
  const key = ORDERABLE[property.toLowerCase()];
  assert(
    key && /^(asc|desc)$/i.test(direction),
    400,
    'BadRequest',
    `The sandbox cannot order events by '${raw}'; it orders by start/dateTime, end/dateTime, createdDateTime, lastModifiedDateTime or subject.`,
  );
  const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
  return events.sort((a, b) => sign * key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}

function userSegment(request: SandboxRequest): string {
  return `users('${encodeURIComponent(request.params.userId ?? '')}')`;
}

function selection(select: string[] | null): string {
  return select ? `(${select.join(',')})` : '';
}

const calendar = { permissions: PERMISSIONS.calendarRead, versions: ['v1.0', 'beta'] } as const;
const calendarWrite = { permissions: PERMISSIONS.calendarWrite, versions: ['v1.0', 'beta'] } as const;

export const routes: GraphRoute[] = [
  { method: 'GET', path: '/users/:userId/events', handler: listEvents, ...calendar },
  { method: 'GET', path: '/users/:userId/events/:eventId', handler: getEvent, ...calendar },
  { method: 'DELETE', path: '/users/:userId/events/:eventId', handler: removeEvent, ...calendarWrite },
  {
    method: 'POST',
    path: '/users/:userId/events/:eventId/permanentDelete',
    handler: permanentDeleteEvent,
    ...calendarWrite,
  },
  { method: 'GET', path: '/users/:userId/calendarView', handler: calendarView, ...calendar },
  { method: 'GET', path: '/users/:userId/calendarView/delta', handler: calendarViewDelta, ...calendar },
];
