// $filter on a calendar's events: the one term Clawback relies on, `iCalUId eq '...'` (every copy
// of a meeting, in any calendar, shares its iCalUId). Anything else Graph would take answers 501
// rather than a silently wrong list.
import { GraphError } from '../http/errors.js';
import type { SandboxEvent } from '../state/types.js';
import { parseFilter } from './odata-filter.js';

export type EventFilter = (event: SandboxEvent) => boolean;

export function parseEventFilter(raw: string | null): EventFilter | null {
  if (raw === null || raw.trim() === '') return null;
  const node = parseFilter(raw);
  if (
    node.type !== 'compare' ||
    node.op !== 'eq' ||
    node.path.join('/').toLowerCase() !== 'icaluid' ||
    typeof node.value !== 'string'
  )
    throw new GraphError(
      501,
      'NotImplemented',
      `The sandbox filters events only by "iCalUId eq '<uid>'", not by '${raw}'.`,
    );
  const uid = node.value;
  // Exchange compares the uid as given; it is hex, so case does not matter.
  return (event) => event.iCalUId.toLowerCase() === uid.toLowerCase();
}
