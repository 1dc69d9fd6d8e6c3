// $expand on one message: only `microsoft.graph.eventMessage/event`, the meeting request's event in
// the recipient's own calendar (optionally with a nested $select). The cast applies to meeting
// messages only, so a plain message comes back without it; anything else Graph expands (attachments,
// extensions) answers 501 rather than being ignored.
import { GraphError } from '../../http/errors.js';
import type { SandboxRequest } from '../../http/types.js';
import type { Mailbox, StoredMessage } from '../../state/types.js';
import { EVENT_PROPERTIES, eventWire } from '../event-wire.js';
import { applySelect } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { wireId } from './locate.js';
import { queryOption } from './query-options.js';

const EVENT_NAVIGATION = /^microsoft\.graph\.eventMessage\/event(?:\(\$select=([A-Za-z,\s]+)\))?$/i;

export interface MessageExpansion {
  /** Properties of the event to keep, or null for all of them. */
  eventSelect: string[] | null;
}

export function parseMessageExpand(request: SandboxRequest): MessageExpansion | null {
  const raw = queryOption(request, '$expand');
  if (raw === null || raw.trim() === '') return null;
  const match = EVENT_NAVIGATION.exec(raw.trim());
  if (!match)
    throw new GraphError(
      501,
      'NotImplemented',
      `The sandbox expands only 'microsoft.graph.eventMessage/event' on a message, not '${raw}'.`,
    );
  const select = match[1]
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return { eventSelect: select?.length ? select : null };
}

/** The `event` navigation of a meeting message, as Graph adds it next to the message's own properties. */
export function expandedEvent(
  expansion: MessageExpansion,
  message: StoredMessage,
  mailbox: Mailbox,
  context: GraphContext,
): Record<string, unknown> {
  const event = message.meetingMessageType && message.eventId ? mailbox.events.get(message.eventId) : null;
  if (!event) return {};
  const user = `users('${encodeURIComponent(context.mailboxOwner!.id)}')`;
  const id = encodeURIComponent(wireId(context, message));
  return {
    'event@odata.context': `${context.baseUrl}/$metadata#${user}/messages('${id}')/microsoft.graph.eventMessage/event/$entity`,
    event: applySelect(eventWire(event, context.mailboxOwner!), expansion.eventSelect, EVENT_PROPERTIES),
  };
}
