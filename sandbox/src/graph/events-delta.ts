// calendarView delta: a round of pages linked by @odata.nextLink ($skiptoken) ending in an
// @odata.deltaLink ($deltatoken). The window and the round's position travel inside the opaque
// tokens, so only the first call names startDateTime and endDateTime.
//
// A round covers changes with since < seq <= until, where `until` is the tenant's sequence when
// the round began; the cursor is the seq of the last change handed out, so an event changed in the
// middle of a round is neither lost nor repeated: it comes in the next round.
import { assert, GraphError } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import { calendarRemovals } from '../state/calendar.js';
import { eventWire, overlaps, parseWindow } from './event-wire.js';
import { collection, decodeSkipToken, encodeSkipToken, versionlessPath } from './odata.js';
import type { GraphContext } from './registry.js';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

interface RoundState {
  /** Mailbox owner's id: a token is good for its own mailbox only. */
  u: string;
  /** Window, epoch milliseconds. */
  s: number;
  e: number;
  since: number;
  until: number;
  after: number;
}

type Change = { seq: number; item: Record<string, unknown> };

export function calendarViewDelta(request: SandboxRequest, context: GraphContext): SandboxResponse {
  for (const key of request.query.keys())
    assert(
      !key.startsWith('$') || key === '$skiptoken' || key === '$deltatoken',
      400,
      'ErrorInvalidUrlQuery',
      `The query parameter '${key}' is not supported with delta on calendarView.`,
    );
  const state = roundState(request, context);
  const size = Math.min(context.prefer.maxPageSize ?? DEFAULT_PAGE, MAX_PAGE);
  const changes = changesIn(state, context);
  const pageItems = changes.slice(0, size);
  const link = `${context.baseUrl}${versionlessPath(request.path)}`;
  const extra =
    changes.length > size
      ? {
          '@odata.nextLink': `${link}?$skiptoken=${encodeSkipToken({ ...state, after: pageItems.at(-1)!.seq })}`,
        }
      : { '@odata.deltaLink': `${link}?$deltatoken=${encodeSkipToken({ ...state, since: state.until })}` };
  return collection(
    context,
    'Collection(event)',
    pageItems.map((change) => change.item),
    extra,
  );
}

function roundState(request: SandboxRequest, context: GraphContext): RoundState {
  const skip = request.query.get('$skiptoken');
  const delta = request.query.get('$deltatoken');
  assert(!(skip && delta), 400, 'ErrorInvalidUrlQuery', 'Give either $skiptoken or $deltatoken, not both.');
  const owner = context.mailboxOwner!;
  const current = context.sandbox.tenant.currentSeq;
  if (!skip && !delta) {
    const window = parseWindow(request);
    return { u: owner.id, s: window.start, e: window.end, since: 0, until: current, after: 0 };
  }
  const state = decodeSkipToken<RoundState>((skip ?? delta)!);
  assert(
    state.u === owner.id && [state.s, state.e, state.since, state.until, state.after].every(Number.isInteger),
    400,
    'ErrorInvalidUrlQuery',
    'The state token does not belong to this calendar view.',
  );
  // A token from before a tenant reset points past the current history.
  if (state.until > current)
    throw new GraphError(410, 'resyncRequired', 'The sync state is no longer valid; start a new round.');
  return skip ? state : { ...state, until: current, after: state.since };
}

/** Changes of the round after the cursor, oldest first; out-of-window items only after a first round. */
function changesIn(state: RoundState, context: GraphContext): Change[] {
  const mailbox = context.mailbox!;
  const owner = context.mailboxOwner!;
  const window = { start: state.s, end: state.e };
  const inRound = (seq: number) => seq > state.after && seq > state.since && seq <= state.until;
  const changes: Change[] = [];
  for (const event of mailbox.events.values()) {
    if (!inRound(event.seq)) continue;
    if (overlaps(event, window))
      changes.push({
        seq: event.seq,
        item: { '@odata.type': '#microsoft.graph.event', ...eventWire(event, owner) },
      });
    // Graph reports events changed outside the window as removed, after the initial round.
    else if (state.since > 0) changes.push({ seq: event.seq, item: removed(event.id) });
  }
  if (state.since > 0)
    for (const tombstone of calendarRemovals(mailbox))
      if (inRound(tombstone.seq)) changes.push({ seq: tombstone.seq, item: removed(tombstone.id) });
  return changes.sort((a, b) => a.seq - b.seq);
}

function removed(id: string): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } };
}
