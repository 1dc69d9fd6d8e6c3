// Message delta for one folder. A round covers the change sequence (since, at]: `at` is fixed when
// the round starts, pages follow the sequence, and the deltaLink starts the next round at `at`, so
// a change made while paging is never lost (it falls into the next round) nor served twice.
import { GraphError } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import type { Mailbox, MailFolder, StoredMessage } from '../../state/types.js';
import { parseFilter, type FilterNode } from '../odata-filter.js';
import { collection, nextLink } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { mailboxOf, resolveFolder } from './locate.js';
import { messageWire, parseMessageSelect } from './message-shape.js';
import { checkQueryOptions, queryOption } from './query-options.js';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;
const CHANGE_TYPES = ['created', 'updated', 'deleted'] as const;
type ChangeType = (typeof CHANGE_TYPES)[number];

interface DeltaState {
  /** Mailbox owner and folder the token belongs to. */
  u: string;
  f: string;
  /** Round bounds on the tenant's change sequence, and the last sequence served. */
  s: number;
  a: number;
  c: number;
}

interface Entry {
  seq: number;
  kind: ChangeType;
  message?: StoredMessage;
  removedId?: string;
}

const FILTER_REFUSED = new GraphError(
  400,
  'ErrorInvalidUrlQuery',
  "The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.",
);

/** Only `receivedDateTime ge|gt <datetime>` is accepted on message delta. */
function deltaFilter(raw: string | null): FilterNode | null {
  if (raw === null) return null;
  let node: FilterNode;
  try {
    node = parseFilter(raw);
  } catch {
    throw FILTER_REFUSED;
  }
  const ok =
    node.type === 'compare' &&
    node.path.join('/').toLowerCase() === 'receiveddatetime' &&
    (node.op === 'ge' || node.op === 'gt') &&
    node.value instanceof Date;
  if (!ok) throw FILTER_REFUSED;
  return node;
}

function receivedMatches(node: FilterNode | null, message: StoredMessage): boolean {
  if (!node || node.type !== 'compare' || !(node.value instanceof Date)) return true;
  const received = Date.parse(message.receivedDateTime);
  const bound = node.value.getTime();
  return node.op === 'gt' ? received > bound : received >= bound;
}

function decodeState(token: string, name: string): Partial<DeltaState> {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<DeltaState>;
  } catch {
    throw new GraphError(400, 'BadRequest', `The ${name} is invalid.`);
  }
}

/** Where this request stands: a fresh round, a round's next page, or the round after a deltaLink. */
function roundState(request: SandboxRequest, mailbox: Mailbox, folder: MailFolder, now: number): DeltaState {
  const skip = queryOption(request, '$skiptoken');
  const delta = queryOption(request, '$deltatoken');
  const state: Partial<DeltaState> = skip
    ? decodeState(skip, '$skiptoken')
    : delta
      ? { ...decodeState(delta, '$deltatoken'), a: now }
      : { u: mailbox.userId, f: folder.id, s: 0, a: now };
  if (state.c === undefined) state.c = state.s;
  const valid =
    state.u === mailbox.userId &&
    state.f === folder.id &&
    [state.s, state.a, state.c].every((n) => Number.isInteger(n) && (n as number) >= 0);
  if (!valid) throw new GraphError(400, 'BadRequest', 'The delta token does not belong to this folder.');
  return state as DeltaState;
}

/** One entry per item that changed in (since, at]: the latest of its arrival, update or removal. */
function roundEntries(
  context: GraphContext,
  mailbox: Mailbox,
  folder: MailFolder,
  state: DeltaState,
  filter: FilterNode | null,
): Entry[] {
  const { s: since, a: at } = state;
  const byId = new Map<string, Entry>();
  const keep = (id: string, entry: Entry) => {
    const previous = byId.get(id);
    if (!previous || previous.seq < entry.seq) byId.set(id, entry);
  };
  // The first round lists what is there; only later rounds report what left.
  if (since > 0)
    for (const removal of mailbox.removals.get(folder.id) ?? [])
      if (removal.seq > since && removal.seq <= at)
        keep(removal.id, {
          seq: removal.seq,
          kind: 'deleted',
          removedId: context.prefer.immutableId ? removal.id : (removal.restId ?? removal.id),
        });
  for (const message of mailbox.messages.values())
    if (
      message.folderId === folder.id &&
      message.seq > since &&
      message.seq <= at &&
      receivedMatches(filter, message)
    )
      keep(message.immutableId, {
        seq: message.seq,
        kind: since === 0 || message.folderSeq > since ? 'created' : 'updated',
        message,
      });
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

export function messageDelta(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, {
    implemented: ['$select', '$filter', '$skiptoken', '$deltatoken'],
    // Page size on delta is Prefer: odata.maxpagesize; $top, $expand and $orderby are left out.
    graphOnly: ['$top', '$expand', '$orderby'],
    custom: ['changeType'],
  });
  const mailbox = mailboxOf(context);
  const folder = resolveFolder(mailbox, request.params.folderId ?? '');
  const filter = deltaFilter(queryOption(request, '$filter'));
  const changeType = queryOption(request, 'changeType');
  if (changeType !== null && !CHANGE_TYPES.includes(changeType as ChangeType))
    throw new GraphError(
      400,
      'BadRequest',
      `Invalid changeType '${changeType}': use created, updated or deleted.`,
    );
  const select = parseMessageSelect(request, context);
  const size = Math.min(Math.max(context.prefer.maxPageSize ?? DEFAULT_PAGE, 1), MAX_PAGE);
  const state = roundState(request, mailbox, folder, context.sandbox.tenant.currentSeq);

  const pending = roundEntries(context, mailbox, folder, state, filter).filter(
    (entry) => entry.seq > state.c && (changeType === null || entry.kind === changeType),
  );
  const page = pending.slice(0, size);
  const last = page[page.length - 1];
  const link =
    pending.length > size && last
      ? { '@odata.nextLink': nextLink(context, request, { ...state, c: last.seq }) }
      : {
          '@odata.deltaLink': nextLink(
            context,
            request,
            { u: state.u, f: state.f, s: state.a },
            '$deltatoken',
          ),
        };
  const value = page.map((entry) =>
    entry.message
      ? messageWire(entry.message, mailbox, context, { select, annotateType: true })
      : { id: entry.removedId, '@removed': { reason: 'deleted' } },
  );
  return collection(context, 'Collection(message)', value, link);
}
