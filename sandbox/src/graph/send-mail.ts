// POST /users/{id}/sendMail: delivers inside the tenant as Exchange would (distribution lists
// expanded; addresses outside the tenant accepted and dropped) and keeps a Sent Items copy unless
// saveToSentItems is false. File attachments keep their bytes exactly: reports are forwarded as
// .eml attachments and compared byte for byte.
import { assert, GraphError } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import { deliver, type DeliveryRequest } from '../state/mail.js';
import type { EmailAddress } from '../state/types.js';
import { PERMISSIONS, type GraphContext, type GraphRoute } from './registry.js';

type Json = Record<string, unknown>;

const MESSAGE_FIELDS = [
  'subject',
  'body',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'from',
  'attachments',
  'internetMessageHeaders',
];
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function recipients(message: Json, field: string): EmailAddress[] {
  const value = message[field];
  if (value === undefined || value === null) return [];
  assert(Array.isArray(value), 400, 'BadRequest', `'${field}' must be a collection of recipients.`);
  return value.map((item) => {
    const email = isObject(item) && isObject(item.emailAddress) ? item.emailAddress : null;
    const address = email?.address;
    assert(
      typeof address === 'string' && ADDRESS.test(address),
      400,
      'ErrorInvalidRecipients',
      `At least one recipient is not valid., Recipient '${String(address ?? '')}' is not resolved. All recipients must be resolved before a message can be submitted.`,
    );
    return { name: typeof email?.name === 'string' ? email.name : address, address };
  });
}

function attachments(message: Json): NonNullable<DeliveryRequest['attachments']> {
  const value = message.attachments;
  if (value === undefined || value === null) return [];
  assert(Array.isArray(value), 400, 'BadRequest', "'attachments' must be a collection.");
  return value.map((item) => {
    assert(isObject(item), 400, 'BadRequest', 'An attachment must be an object.');
    const type = String(item['@odata.type'] ?? '').replace(/^#/, '');
    assert(type !== '', 400, 'BadRequest', "An attachment needs its '@odata.type'.");
    if (type !== 'microsoft.graph.fileAttachment')
      throw new GraphError(501, 'NotImplemented', `The sandbox sends only file attachments, not '${type}'.`);
    const { name, contentBytes, contentType, isInline } = item;
    assert(
      typeof name === 'string' && name !== '',
      400,
      'ErrorInvalidParameter',
      'The attachment name is empty.',
    );
    assert(
      typeof contentBytes === 'string' && BASE64.test(contentBytes),
      400,
      'BadRequest',
      "Cannot convert the literal 'contentBytes' to the expected type 'Edm.Binary'.",
    );
    return {
      name,
      contentType: typeof contentType === 'string' && contentType ? contentType : 'application/octet-stream',
      content: Buffer.from(contentBytes, 'base64'),
      isInline: isInline === true,
    };
  });
}

function customHeaders(message: Json): { name: string; value: string }[] {
  const value = message.internetMessageHeaders;
  if (value === undefined || value === null) return [];
  assert(Array.isArray(value), 400, 'BadRequest', "'internetMessageHeaders' must be a collection.");
  return value.map((header) => {
    const name = isObject(header) ? header.name : undefined;
    assert(
      typeof name === 'string' && /^x-/i.test(name) && isObject(header) && typeof header.value === 'string',
      400,
      'InvalidInternetMessageHeader',
      `The internet message header name '${String(name ?? '')}' should start with 'x-' or 'X-'.`,
    );
    return { name, value: header.value as string };
  });
}

/** The action's body: `message` (fields the sandbox sends) and `saveToSentItems`. */
function sendBody(request: SandboxRequest): { message: Json; save: boolean } {
  assert(!request.bodyError, 400, 'BadRequest', 'Unable to read JSON request payload.');
  const body = request.body;
  assert(isObject(body), 400, 'BadRequest', 'Empty Payload. JSON content expected.');
  for (const key of Object.keys(body))
    assert(
      key === 'message' || key === 'saveToSentItems',
      400,
      'BadRequest',
      `The parameter '${key}' in the request payload is not a valid parameter for the operation 'sendMail'.`,
    );
  const message = body.message;
  assert(isObject(message), 400, 'ErrorInvalidParameter', "The value of the parameter 'Message' is empty.");
  for (const key of Object.keys(message))
    if (!MESSAGE_FIELDS.includes(key))
      throw new GraphError(501, 'NotImplemented', `The sandbox does not send messages with '${key}'.`);
  const save = body.saveToSentItems;
  assert(
    save === undefined || typeof save === 'boolean',
    400,
    'BadRequest',
    "'saveToSentItems' must be a boolean.",
  );
  return { message, save: save !== false };
}

/** Text or HTML body; Graph takes the content type in any case ("Text", "HTML"). */
function bodyOf(message: Json): { body: string; bodyType: 'text' | 'html' } {
  const content = isObject(message.body) ? message.body : {};
  const bodyType = String(content.contentType ?? 'text').toLowerCase();
  assert(
    bodyType === 'text' || bodyType === 'html',
    400,
    'BadRequest',
    `Invalid body contentType '${bodyType}'.`,
  );
  return { body: typeof content.content === 'string' ? content.content : '', bodyType };
}

function sendMail(request: SandboxRequest, context: GraphContext): SandboxResponse {
  const { message, save } = sendBody(request);
  const owner = context.mailboxOwner!;
  const tenant = context.sandbox.tenant;
  const from = recipients({ from: message.from === undefined ? undefined : [message.from] }, 'from')[0];
  if (from && tenant.findUser(from.address)?.id !== owner.id)
    throw new GraphError(
      403,
      'ErrorSendAsDenied',
      'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.',
    );
  const [to, cc, bcc] = ['toRecipients', 'ccRecipients', 'bccRecipients'].map((field) =>
    recipients(message, field).map((r) => r.address),
  ) as [string[], string[], string[]];
  assert(
    to.length + cc.length + bcc.length > 0,
    400,
    'ErrorInvalidRecipients',
    "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
  );
  const subject = message.subject ?? '';
  assert(typeof subject === 'string', 400, 'BadRequest', "'subject' must be a string.");
  deliver(tenant, {
    from: { name: owner.displayName, address: owner.mail ?? owner.userPrincipalName },
    to,
    cc,
    bcc,
    subject,
    ...bodyOf(message),
    replyTo: recipients(message, 'replyTo'),
    attachments: attachments(message),
    extraHeaders: customHeaders(message),
    keepSentCopy: save,
  });
  return { status: 202 };
}

export const routes: GraphRoute[] = [
  { method: 'POST', path: '/users/:userId/sendMail', permissions: PERMISSIONS.mailSend, handler: sendMail },
];
