// One message: read it, its MIME, move it, delete it (to the dumpster's Deletions), purge it
// (to Purges, beyond Graph) or mark it read. Exchange resolves the item id within the mailbox, so
// the /mailFolders/{id}/messages/{id} forms check the folder reference but not where the item is.
import { assert, GraphError } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import { moveMessage, touch } from '../../state/mail.js';
import { wellKnownFolder } from '../../state/mailbox.js';
import type { Mailbox, StoredMessage } from '../../state/types.js';
import { odataJson } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { mailboxOf, resolveFolder, resolveMessage } from './locate.js';
import { expandedEvent, parseMessageExpand } from './message-expand.js';
import { messagesContext } from './message-list.js';
import { messageWire, parseMessageSelect } from './message-shape.js';
import { buildMime } from './mime.js';
import { checkQueryOptions } from './query-options.js';

function target(
  request: SandboxRequest,
  context: GraphContext,
): { mailbox: Mailbox; message: StoredMessage } {
  const mailbox = mailboxOf(context);
  if (request.params.folderId !== undefined) resolveFolder(mailbox, request.params.folderId);
  return { mailbox, message: resolveMessage(mailbox, request.params.messageId ?? '') };
}

function entity(
  status: number,
  request: SandboxRequest,
  context: GraphContext,
  mailbox: Mailbox,
  message: StoredMessage,
  select: string[] | null = null,
): SandboxResponse {
  const folder = request.params.folderId === undefined ? null : mailbox.folders.get(message.folderId)!;
  return odataJson(status, {
    '@odata.context': `${context.baseUrl}/$metadata#${messagesContext(request, folder, select)}/$entity`,
    ...messageWire(message, mailbox, context, { select }),
  });
}

/** The JSON object body of an action, with OData's refusal of parameters it does not declare. */
function actionBody(request: SandboxRequest, action: string, allowed: string[]): Record<string, unknown> {
  assert(!request.bodyError, 400, 'BadRequest', 'Unable to read JSON request payload.');
  const body = request.body;
  assert(
    body && typeof body === 'object' && !Array.isArray(body),
    400,
    'BadRequest',
    'Empty Payload. JSON content expected.',
  );
  for (const key of Object.keys(body))
    assert(
      allowed.includes(key),
      400,
      'BadRequest',
      `The parameter '${key}' in the request payload is not a valid parameter for the operation '${action}'.`,
    );
  return body as Record<string, unknown>;
}

export function getMessage(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, { implemented: ['$select', '$expand'] });
  const { mailbox, message } = target(request, context);
  const select = parseMessageSelect(request, context);
  const expansion = parseMessageExpand(request);
  const response = entity(200, request, context, mailbox, message, select);
  if (!expansion) return response;
  return {
    ...response,
    body: { ...(response.body as object), ...expandedEvent(expansion, message, mailbox, context) },
  };
}

/** Graph serves the MIME with Content-Type text/plain (observed), not message/rfc822. */
export async function getMessageMime(
  request: SandboxRequest,
  context: GraphContext,
): Promise<SandboxResponse> {
  checkQueryOptions(request, { implemented: [] });
  const { message } = target(request, context);
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: await buildMime(message) };
}

export function moveMessageAction(request: SandboxRequest, context: GraphContext): SandboxResponse {
  const { mailbox, message } = target(request, context);
  const body = actionBody(request, 'move', ['destinationId']);
  const destinationId = body.destinationId;
  assert(
    typeof destinationId === 'string' && destinationId !== '',
    400,
    'ErrorInvalidParameter',
    "The value of the parameter 'DestinationId' is empty.",
  );
  const destination = resolveFolder(mailbox, destinationId);
  moveMessage(context.sandbox.tenant, mailbox, message, destination.id);
  context.sandbox.stats.countAction(message.internetMessageId, 'move');
  return entity(201, request, context, mailbox, message);
}

/** DELETE: into Recoverable Items\Deletions (a second delete from there purges), not Deleted Items. */
export function deleteMessage(request: SandboxRequest, context: GraphContext): SandboxResponse {
  const { mailbox, message } = target(request, context);
  const deletions = wellKnownFolder(mailbox, 'recoverableitemsdeletions');
  const destination =
    message.folderId === deletions.id ? wellKnownFolder(mailbox, 'recoverableitemspurges') : deletions;
  moveMessage(context.sandbox.tenant, mailbox, message, destination.id);
  context.sandbox.stats.countAction(message.internetMessageId, 'delete');
  return { status: 204 };
}

export function permanentDeleteMessage(request: SandboxRequest, context: GraphContext): SandboxResponse {
  const { mailbox, message } = target(request, context);
  assert(
    !request.bodyError && (request.body === undefined || Object.keys(request.body as object).length === 0),
    400,
    'BadRequest',
    "The operation 'permanentDelete' takes no parameters.",
  );
  moveMessage(
    context.sandbox.tenant,
    mailbox,
    message,
    wellKnownFolder(mailbox, 'recoverableitemspurges').id,
  );
  context.sandbox.stats.countAction(message.internetMessageId, 'permanentDelete');
  return { status: 204 };
}

/** PATCH of the two properties triage touches; any other property is refused, not ignored. */
export function updateMessage(request: SandboxRequest, context: GraphContext): SandboxResponse {
  const { mailbox, message } = target(request, context);
  const body = actionBody(request, 'update', Object.keys((request.body as object | undefined) ?? {}));
  for (const key of Object.keys(body))
    if (key !== 'isRead' && key !== 'categories')
      throw new GraphError(501, 'NotImplemented', `The sandbox does not update '${key}' on messages.`);
  if ('isRead' in body) {
    assert(typeof body.isRead === 'boolean', 400, 'BadRequest', "'isRead' must be a boolean.");
    message.isRead = body.isRead;
  }
  if ('categories' in body) {
    const categories = body.categories;
    assert(
      Array.isArray(categories) && categories.every((c) => typeof c === 'string'),
      400,
      'BadRequest',
      "'categories' must be a list of strings.",
    );
    message.categories = [...categories];
  }
  touch(context.sandbox.tenant, message);
  return entity(200, request, context, mailbox, message);
}
