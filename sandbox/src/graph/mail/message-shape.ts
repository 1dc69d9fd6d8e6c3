// A stored message on the wire, as Graph's message resource: property order as real responses,
// internetMessageHeaders and uniqueBody only through $select, meeting messages as eventMessage.
import { createHash } from 'node:crypto';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { GraphError, graphErrors } from '../../http/errors.js';
import type { SandboxRequest } from '../../http/types.js';
import type { EmailAddress, Mailbox, StoredMessage } from '../../state/types.js';
import type { GraphContext } from '../registry.js';
import { htmlToText, previewOf, textToHtml } from './html-text.js';
import { basicOnly, wireId } from './locate.js';
import { queryOption } from './query-options.js';

type Wire = MicrosoftGraph.EventMessageRequest & { '@odata.etag'?: string; '@odata.type'?: string };
type Compute = (message: StoredMessage, context: GraphContext) => unknown;

const recipient = (address: EmailAddress): MicrosoftGraph.Recipient => ({
  emailAddress: { name: address.name, address: address.address },
});

/** Every property the sandbox serves, in the order Graph writes them; `default` = without $select. */
const PROPERTIES: [name: string, inDefault: boolean, compute: Compute][] = [
  ['createdDateTime', true, (m) => m.createdDateTime],
  ['lastModifiedDateTime', true, (m) => m.lastModifiedDateTime],
  ['changeKey', true, (m) => m.changeKey],
  ['categories', true, (m) => [...m.categories]],
  ['receivedDateTime', true, (m) => m.receivedDateTime],
  ['sentDateTime', true, (m) => m.sentDateTime],
  ['hasAttachments', true, (m) => hasAttachments(m)],
  ['internetMessageId', true, (m) => m.internetMessageId],
  ['internetMessageHeaders', false, (m) => m.internetMessageHeaders.map((h) => ({ ...h }))],
  ['subject', true, (m) => m.subject],
  ['bodyPreview', true, (m) => previewOf(m.body)],
  ['importance', true, (m) => m.importance],
  ['parentFolderId', true, (m) => m.folderId],
  ['conversationId', true, (m) => m.conversationId],
  ['conversationIndex', true, (m) => conversationIndex(m)],
  ['isDeliveryReceiptRequested', true, () => false],
  ['isReadReceiptRequested', true, () => false],
  ['isRead', true, (m) => m.isRead],
  ['isDraft', true, (m) => m.isDraft],
  ['webLink', true, (m, c) => webLink(wireId(c, m))],
  ['inferenceClassification', true, () => 'focused'],
  ['body', true, (m, c) => bodyFor(m, c)],
  ['uniqueBody', false, (m, c) => bodyFor(m, c)],
  ['sender', true, (m) => recipient(m.sender)],
  ['from', true, (m) => recipient(m.from)],
  ['toRecipients', true, (m) => m.toRecipients.map(recipient)],
  ['ccRecipients', true, (m) => m.ccRecipients.map(recipient)],
  ['bccRecipients', true, (m) => m.bccRecipients.map(recipient)],
  ['replyTo', true, (m) => m.replyTo.map(recipient)],
  ['flag', true, () => ({ flagStatus: 'notFlagged' })],
];

/** What Mail.ReadBasic.All may not read: "all properties except body, previewBody, attachments". */
const FULL_READ_ONLY = new Set(['body', 'uniquebody', 'bodypreview', 'internetmessageheaders']);

const CANONICAL = new Map(PROPERTIES.map(([name]) => [name.toLowerCase(), name]));
CANONICAL.set('id', 'id');

export function hasAttachments(message: StoredMessage): boolean {
  return message.attachments.some((a) => !a.isInline);
}

function conversationIndex(message: StoredMessage): string {
  return createHash('sha256').update(message.conversationId).digest().subarray(0, 22).toString('base64');
}

function webLink(id: string): string {
  return `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`;
}

/** The body in the stored format, or converted when the request prefers the other one. */
export function bodyFor(message: StoredMessage, context: GraphContext): MicrosoftGraph.ItemBody {
  const wanted = context.prefer.bodyContentType ?? message.body.contentType;
  if (wanted === message.body.contentType) return { ...message.body };
  return wanted === 'text'
    ? { contentType: 'text', content: htmlToText(message.body.content) }
    : { contentType: 'html', content: textToHtml(message.body.content) };
}

/**
 * `$select` for messages, canonicalised; unknown names are 400 as Graph's OData layer says, body-like
 * properties under Mail.ReadBasic.All are 403.
 */
export function parseMessageSelect(request: SandboxRequest, context: GraphContext): string[] | null {
  const raw = queryOption(request, '$select');
  if (raw === null) return null;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return null;
  const basic = basicOnly(context);
  return names.map((name) => {
    const canonical = CANONICAL.get(name.toLowerCase());
    if (!canonical)
      throw new GraphError(
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${name}' on type 'microsoft.graph.message'.`,
      );
    if (basic && FULL_READ_ONLY.has(name.toLowerCase())) throw graphErrors.accessDenied();
    return canonical;
  });
}

export interface ShapeOptions {
  select: string[] | null;
  /** Message delta annotates every item with its type. */
  annotateType?: boolean;
}

export function messageWire(
  message: StoredMessage,
  mailbox: Mailbox,
  context: GraphContext,
  options: ShapeOptions,
): Wire {
  const basic = basicOnly(context);
  const wanted = options.select ? new Set(options.select) : null;
  const out: Record<string, unknown> = {};
  const eventType = message.meetingMessageType
    ? message.meetingMessageType === 'meetingRequest'
      ? '#microsoft.graph.eventMessageRequest'
      : '#microsoft.graph.eventMessage'
    : options.annotateType
      ? '#microsoft.graph.message'
      : null;
  if (eventType) out['@odata.type'] = eventType;
  out['@odata.etag'] = `W/"${message.changeKey}"`;
  out.id = wireId(context, message);
  for (const [name, inDefault, compute] of PROPERTIES) {
    const include = wanted
      ? wanted.has(name)
      : inDefault && !(basic && FULL_READ_ONLY.has(name.toLowerCase()));
    if (include) out[name] = compute(message, context);
  }
  if (message.meetingMessageType && !wanted) Object.assign(out, meetingProperties(message, mailbox));
  return out as Wire;
}

function meetingProperties(message: StoredMessage, mailbox: Mailbox): Partial<Wire> {
  const event = message.eventId ? mailbox.events.get(message.eventId) : undefined;
  const when = (iso: string | undefined): MicrosoftGraph.DateTimeTimeZone | null =>
    iso ? { dateTime: iso.replace(/Z$/, '.0000000'), timeZone: 'UTC' } : null;
  const common: Partial<Wire> = {
    meetingMessageType: message.meetingMessageType,
    startDateTime: when(event?.start),
    endDateTime: when(event?.end),
    location: event ? { displayName: event.location } : null,
    type: 'singleInstance',
    recurrence: null,
    isOutOfDate: false,
    isAllDay: event?.isAllDay ?? false,
    isDelegated: false,
  };
  if (message.meetingMessageType !== 'meetingRequest') return common;
  return {
    ...common,
    meetingRequestType: 'newMeetingRequest',
    responseRequested: true,
    allowNewTimeProposals: true,
    previousLocation: null,
    previousStartDateTime: null,
    previousEndDateTime: null,
  };
}
