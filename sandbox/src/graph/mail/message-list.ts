// Listing messages: the whole IPM subtree (/messages) or one folder (/mailFolders/{id}/messages).
// Pages are cut by a keyset cursor over a total order, so a client following @odata.nextLink sees
// every item that stays in scope exactly once, even when the mailbox changes between pages.
import { GraphError } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import type { Mailbox, MailFolder, StoredMessage } from '../../state/types.js';
import { collection, decodeSkipToken, nextLink } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { inIpmSubtree, isGraphReachable, mailboxOf, resolveFolder } from './locate.js';
import {
  compareValues,
  matchesFilter,
  parseMessageFilter,
  parseMessageOrderBy,
  sortValues,
  type Cursor,
  type SortKey,
} from './message-filter.js';
import { messageWire, parseMessageSelect } from './message-shape.js';
import { checkQueryOptions, pageSize, queryOption } from './query-options.js';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

interface PageState {
  /** Sort values of the last item served. */
  after: Cursor;
}

export function listMessages(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, {
    implemented: ['$select', '$filter', '$orderby', '$top', '$skiptoken'],
    // $search (KQL) and $skip are real Graph options the sandbox leaves out: 501, never ignored.
    graphOnly: ['$search', '$skip', '$count', '$expand'],
  });
  const mailbox = mailboxOf(context);
  const folderRef = request.params.folderId;
  const folder = folderRef === undefined ? null : resolveFolder(mailbox, folderRef);
  const select = parseMessageSelect(request, context);
  const filter = parseMessageFilter(queryOption(request, '$filter'));
  const order = parseMessageOrderBy(queryOption(request, '$orderby'), filter);
  const top = pageSize(request, DEFAULT_PAGE, MAX_PAGE);

  const keyed = [...mailbox.messages.values()]
    .filter((message) => inScope(mailbox, folder, message) && matchesFilter(filter, message))
    .map((message) => ({ message, key: sortValues(order, message) }));
  const { page, next } = pageAfter(keyed, order, cursorOf(request, order), top);
  return collection(
    context,
    messagesContext(request, folder, select),
    page.map(({ message }) => messageWire(message, mailbox, context, { select })),
    next ? { '@odata.nextLink': nextLink(context, request, { after: next } satisfies PageState) } : {},
  );
}

/** One folder's own items, or the whole IPM subtree (Deleted Items and hidden folders included). */
function inScope(mailbox: Mailbox, folder: MailFolder | null, message: StoredMessage): boolean {
  const home = mailbox.folders.get(message.folderId);
  if (!home) return false;
  return folder ? home.id === folder.id : isGraphReachable(home) && inIpmSubtree(mailbox, home);
}

function cursorOf(request: SandboxRequest, order: SortKey[]): Cursor | null {
  const token = queryOption(request, '$skiptoken');
  if (token === null) return null;
  const { after } = decodeSkipToken<PageState>(token);
  if (!Array.isArray(after) || after.length !== order.length + 1)
    throw new GraphError(400, 'BadRequest', 'The $skiptoken does not belong to this query.');
  return after;
}

/** The items sorting after the cursor, one page of them, and the cursor for the next page. */
function pageAfter<T extends { key: Cursor }>(
  items: T[],
  order: SortKey[],
  after: Cursor | null,
  top: number,
) {
  const rest = items
    .filter((item) => !after || compareValues(order, item.key, after) > 0)
    .sort((a, b) => compareValues(order, a.key, b.key));
  const page = rest.slice(0, top);
  const last = page[page.length - 1];
  return { page, next: rest.length > top && last ? last.key : null };
}

/** users('{id}')/messages or users('{id}')/mailFolders('{id}')/messages, with the $select list. */
export function messagesContext(
  request: SandboxRequest,
  folder: MailFolder | null,
  select: string[] | null,
): string {
  const user = `users('${encodeURIComponent(request.params.userId ?? '')}')`;
  const base = folder
    ? `${user}/mailFolders('${encodeURIComponent(request.params.folderId ?? folder.id)}')/messages`
    : `${user}/messages`;
  return select ? `${base}(${select.join(',')})` : base;
}
