// Paging of directory collections: a page starts after the last id the previous page returned, so
// objects added or removed between pages never shift the rest (no item lost or repeated), and the
// next link is opaque ($skiptoken) while replaying the request's other options, as Graph's does.
import { GraphError } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import { decodeSkipToken, nextLink, odataJson } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { firstIdAfter } from './directory-index.js';

interface Cursor {
  /** Which collection the token belongs to, so one collection's token is not replayed on another. */
  k: string;
  /** The last id already returned. */
  a: string;
}

export interface PageOptions<T extends { id: string }> {
  /** Collection identity carried in the token, e.g. 'users' or 'members:{groupId}'. */
  collection: string;
  /** Sorted by id. */
  items: readonly T[];
  accept: ((item: T) => boolean) | null;
  size: number;
  /** e.g. users(displayName,mail) */
  fragment: string;
  render: (item: T) => unknown;
  /** Advanced query with $count=true: the total number of matches. */
  count: boolean;
}

export function pagedCollection<T extends { id: string }>(
  request: SandboxRequest,
  context: GraphContext,
  options: PageOptions<T>,
): SandboxResponse {
  const after = readCursor(request, options.collection);
  const { items, accept, size } = options;
  const page: T[] = [];
  let i = firstIdAfter(items, after);
  for (; i < items.length && page.length < size; i += 1)
    if (!accept || accept(items[i]!)) page.push(items[i]!);
  // Look ahead, so the last page carries no next link that would lead to an empty page.
  let more = false;
  for (; i < items.length && !more; i += 1) more = !accept || accept(items[i]!);

  const body: Record<string, unknown> = {
    '@odata.context': `${context.baseUrl}/$metadata#${options.fragment}`,
  };
  if (options.count) body['@odata.count'] = accept ? items.filter(accept).length : items.length;
  if (more && page.length)
    body['@odata.nextLink'] = nextLink(context, request, { k: options.collection, a: page.at(-1)!.id });
  body.value = page.map(options.render);
  return odataJson(200, body);
}

function readCursor(request: SandboxRequest, collection: string): string | null {
  const raw = request.query.get('$skiptoken');
  if (raw === null) return null;
  const cursor = decodeSkipToken<Partial<Cursor>>(raw);
  if (cursor?.k !== collection || typeof cursor.a !== 'string')
    throw new GraphError(400, 'Request_BadRequest', 'The $skiptoken is invalid for this request.');
  return cursor.a;
}
