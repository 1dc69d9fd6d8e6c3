// Mail folder handlers: one level of children at a time (hidden ones only on request), one folder by
// id or well-known name, and creating a custom folder.
import { assert, GraphError } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import { addFolder } from '../../state/mailbox.js';
import type { MailFolder } from '../../state/types.js';
import { parseFilter } from '../odata-filter.js';
import { collection, decodeSkipToken, nextLink, odataJson } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { folderCounts, folderWire, parseFolderSelect } from './folder-shape.js';
import { inIpmSubtree, isGraphReachable, mailboxOf, resolveFolder } from './locate.js';
import { checkQueryOptions, pageSize, queryOption } from './query-options.js';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

function contextPath(request: SandboxRequest): string {
  const user = `users('${encodeURIComponent(request.params.userId ?? '')}')`;
  return request.params.folderId === undefined
    ? `${user}/mailFolders`
    : `${user}/mailFolders('${encodeURIComponent(request.params.folderId)}')/childFolders`;
}

function includeHidden(request: SandboxRequest): boolean {
  const raw = queryOption(request, 'includeHiddenFolders');
  if (raw === null) return false;
  const value = raw.toLowerCase();
  assert(
    value === 'true' || value === 'false',
    400,
    'BadRequest',
    `Invalid value '${raw}' for includeHiddenFolders.`,
  );
  return value === 'true';
}

/** `$filter=displayName eq '...'`, the one folder filter lookups by name need. */
function displayNameFilter(request: SandboxRequest): string | null {
  const raw = queryOption(request, '$filter');
  if (raw === null) return null;
  const node = parseFilter(raw);
  if (node.type !== 'compare' || node.path.join('/').toLowerCase() !== 'displayname' || node.op !== 'eq')
    throw new GraphError(
      400,
      'BadRequest',
      'Invalid filter clause: the sandbox filters folders by displayName eq only.',
    );
  assert(
    typeof node.value === 'string',
    400,
    'BadRequest',
    'Invalid filter clause: displayName is a string.',
  );
  return node.value.toLowerCase();
}

/** GET /mailFolders (children of msgfolderroot) and /mailFolders/{id}/childFolders. */
export function listFolders(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, {
    implemented: ['$select', '$top', '$skiptoken', '$filter'],
    graphOnly: ['$expand', '$count', '$orderby', '$skip'],
    custom: ['includeHiddenFolders'],
  });
  const mailbox = mailboxOf(context);
  const parent = resolveFolder(mailbox, request.params.folderId ?? 'msgfolderroot');
  const hidden = includeHidden(request);
  const name = displayNameFilter(request);
  const select = parseFolderSelect(request);
  const top = pageSize(request, DEFAULT_PAGE, MAX_PAGE);
  const token = queryOption(request, '$skiptoken');
  const after = token === null ? null : decodeSkipToken<{ after: string }>(token).after;
  const key = (folder: MailFolder) => `${folder.displayName.toLowerCase()}\u0000${folder.id}`;
  const children = [...mailbox.folders.values()]
    .filter(
      (folder) =>
        folder.parentFolderId === parent.id &&
        isGraphReachable(folder) &&
        (hidden || !folder.isHidden) &&
        (name === null || folder.displayName.toLowerCase() === name),
    )
    .filter((folder) => after === null || key(folder) > after)
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const page = children.slice(0, top);
  const counts = folderCounts(mailbox);
  const last = page[page.length - 1];
  return collection(
    context,
    contextPath(request),
    page.map((folder) => folderWire(folder, counts, select)),
    children.length > top && last
      ? { '@odata.nextLink': nextLink(context, request, { after: key(last) }) }
      : {},
  );
}

export function getFolder(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, { implemented: ['$select'], graphOnly: ['$expand'] });
  const mailbox = mailboxOf(context);
  const folder = resolveFolder(mailbox, request.params.folderId ?? '');
  const user = `users('${encodeURIComponent(request.params.userId ?? '')}')`;
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${user}/mailFolders/$entity`,
    ...folderWire(folder, folderCounts(mailbox), parseFolderSelect(request)),
  });
}

/** POST /mailFolders and /mailFolders/{id}/childFolders: a custom folder in the IPM subtree. */
export function createFolder(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, { implemented: [] });
  const mailbox = mailboxOf(context);
  const parent = resolveFolder(mailbox, request.params.folderId ?? 'msgfolderroot');
  assert(!request.bodyError, 400, 'BadRequest', 'Unable to read JSON request payload.');
  const body = (request.body ?? {}) as { displayName?: unknown; isHidden?: unknown };
  for (const key of Object.keys(body))
    assert(
      key === 'displayName' || key === 'isHidden',
      501,
      'NotImplemented',
      `The sandbox does not set '${key}' on new folders.`,
    );
  const displayName = body.displayName;
  assert(
    typeof displayName === 'string' && displayName.trim() !== '',
    400,
    'ErrorInvalidParameter',
    "The value of the parameter 'DisplayName' is empty.",
  );
  assert(
    body.isHidden === undefined || typeof body.isHidden === 'boolean',
    400,
    'BadRequest',
    "'isHidden' must be a boolean.",
  );
  assert(
    inIpmSubtree(mailbox, parent),
    403,
    'ErrorAccessDenied',
    'Access is denied. Check credentials and try again.',
  );
  const taken = [...mailbox.folders.values()].some(
    (f) => f.parentFolderId === parent.id && f.displayName.toLowerCase() === displayName.toLowerCase(),
  );
  assert(!taken, 409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  const folder = addFolder(mailbox, context.sandbox.tenant.random, displayName, parent.id);
  folder.isHidden = body.isHidden === true;
  const user = `users('${encodeURIComponent(request.params.userId ?? '')}')`;
  return odataJson(201, {
    '@odata.context': `${context.baseUrl}/$metadata#${user}/mailFolders/$entity`,
    ...folderWire(folder, folderCounts(mailbox), null),
  });
}
