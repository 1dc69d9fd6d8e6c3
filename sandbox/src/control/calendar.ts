// Calendar changes through the control plane: meetings put on, changed in and taken off every
// participant's calendar, so calendarView and its delta have something to track. With `invite`,
// the meeting request itself is delivered too (from an organizer inside or outside the tenant).
import type { SandboxContext } from '../context.js';
import { addMeeting, removeMeeting, updateMeeting, type MeetingChange } from '../state/calendar.js';
import type { SandboxResponse } from '../http/types.js';
import type { EmailAddress } from '../state/types.js';
import type { ControlRoute } from './directory.js';
import { ControlError, onlyKeys, optionalString, requiredString, stringList, type Body } from './validate.js';

export function calendarControlRoutes(sandbox: SandboxContext): ControlRoute[] {
  return [
    {
      method: 'POST',
      path: '/events',
      handler: (_request, body) => {
        onlyKeys(body, [
          'organizer',
          'attendees',
          'subject',
          'body',
          'start',
          'end',
          'location',
          'isAllDay',
          'isCancelled',
          'invite',
          'internetMessageId',
        ]);
        const invite = flag(body, 'invite') ?? false;
        const internetMessageId = optionalString(body, 'internetMessageId');
        if (internetMessageId && !invite)
          throw new ControlError(
            400,
            "'internetMessageId' names the invitation: send it with 'invite': true",
          );
        if (internetMessageId && !/^<[\x21-\x7e]+>$/.test(internetMessageId))
          throw new ControlError(400, "'internetMessageId' must look like <local@domain>");
        const { start, end } = window(body, true);
        const result = addMeeting(sandbox.tenant, {
          organizer: organizerOf(sandbox, requiredString(body, 'organizer'), invite),
          attendees: stringList(body, 'attendees') ?? [],
          subject: requiredString(body, 'subject'),
          body: optionalString(body, 'body'),
          start: start!,
          end: end!,
          location: optionalString(body, 'location'),
          isAllDay: flag(body, 'isAllDay'),
          isCancelled: flag(body, 'isCancelled'),
          ...(invite ? { invitation: { internetMessageId } } : {}),
        });
        const copies = (list: { mailbox: string; id: string }[]) =>
          list.map(({ mailbox, id }) => ({ mailbox, id }));
        return ok(
          {
            iCalUId: result.iCalUId,
            copies: copies(result.copies),
            ...(result.invitation
              ? {
                  invitation: {
                    internetMessageId: result.invitation.internetMessageId,
                    copies: copies(result.invitation.copies),
                  },
                }
              : {}),
          },
          201,
        );
      },
    },
    {
      method: 'PATCH',
      path: '/events/:iCalUId',
      handler: (request, body) => {
        onlyKeys(body, ['subject', 'start', 'end', 'location', 'isAllDay', 'isCancelled']);
        const { start, end } = window(body, false);
        const change: MeetingChange = {
          subject: optionalString(body, 'subject'),
          start,
          end,
          location: optionalString(body, 'location'),
          isAllDay: flag(body, 'isAllDay'),
          isCancelled: flag(body, 'isCancelled'),
        };
        const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
        const changed = updateMeeting(sandbox.tenant, request.params.iCalUId!, defined);
        if (!changed) throw new ControlError(404, `no meeting '${request.params.iCalUId}'`);
        return ok({ changed });
      },
    },
    {
      method: 'DELETE',
      path: '/events/:iCalUId',
      handler: (request) => {
        const removed = removeMeeting(sandbox.tenant, request.params.iCalUId!);
        if (!removed) throw new ControlError(404, `no meeting '${request.params.iCalUId}'`);
        return ok({ removed });
      },
    },
  ];
}

/**
 * The organizer as the attendees see it. Only an invitation can come from outside the tenant (a
 * meeting request from anyone on the internet); a calendar entry without one needs a tenant user.
 */
function organizerOf(sandbox: SandboxContext, address: string, invite: boolean): EmailAddress {
  const user = sandbox.tenant.findUser(address);
  if (user) return { name: user.displayName, address: user.mail ?? user.userPrincipalName };
  if (!invite) throw new ControlError(404, `no user '${address}' in the tenant`);
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(address)) throw new ControlError(400, "'organizer' must be an address");
  return { name: address, address };
}

// Local rather than routes.ts's ok(): routes.ts imports this module.
function ok(body: unknown, status = 200): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

function window(body: Body, required: boolean): { start?: string; end?: string } {
  const read = (key: string) => {
    const value = required ? requiredString(body, key) : optionalString(body, key);
    if (value === undefined) return undefined;
    const time = Date.parse(value);
    if (Number.isNaN(time) || !/(Z|[+-]\d\d:\d\d)$/.test(value))
      throw new ControlError(
        400,
        `'${key}' must be an ISO 8601 instant with a zone, e.g. 2025-03-01T09:00:00Z`,
      );
    return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
  const start = read('start');
  const end = read('end');
  if (start && end && Date.parse(end) <= Date.parse(start))
    throw new ControlError(400, "'end' must be after 'start'");
  return { start, end };
}

function flag(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new ControlError(400, `'${key}' must be true or false`);
  return value;
}
