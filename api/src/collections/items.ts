// Graph messages and events as collected items, and collected messages as message-index copies.
import { createHash } from 'node:crypto';
import type { StoredAttachment, StoredEvent } from '../db/schema/index.js';
import type { MessageCopyInput } from '../messages/message-index.js';
import type { CollectedFolder } from './folders.js';

export interface WireRecipient {
  emailAddress?: { name?: string; address?: string };
}

export interface WireMessage {
  '@odata.type'?: string;
  id: string;
  internetMessageId?: string;
  subject?: string;
  from?: WireRecipient;
  sender?: WireRecipient;
  toRecipients?: WireRecipient[];
  ccRecipients?: WireRecipient[];
  bccRecipients?: WireRecipient[];
  receivedDateTime?: string;
  sentDateTime?: string;
  createdDateTime?: string;
  hasAttachments?: boolean;
  isDraft?: boolean;
  isRead?: boolean;
  meetingMessageType?: string;
  body?: { contentType?: string; content?: string };
}

export interface WireAttachment {
  '@odata.type'?: string;
  name?: string;
  contentType?: string;
  size?: number;
  isInline?: boolean;
  contentBytes?: string;
}

export interface WireEvent {
  id: string;
  iCalUId?: string;
  subject?: string;
  body?: { content?: string };
  start?: { dateTime?: string; timeZone?: string };
  end?: { dateTime?: string; timeZone?: string };
  isAllDay?: boolean;
  isCancelled?: boolean;
  location?: { displayName?: string };
  organizer?: WireRecipient;
  attendees?: WireRecipient[];
  createdDateTime?: string;
}

export interface MailboxContext {
  tenantId: string;
  collectionId: string;
  batchId: string;
  mailboxId: string;
  upn: string;
}

export type NewItem = {
  tenantId: string;
  collectionId: string;
  mailboxId: string;
  itemId: string;
  kind: 'message' | 'event';
  batchId: string;
  mailboxUpn: string;
  internetMessageId: string | null;
  subject: string | null;
  sender: string | null;
  toRecipients: string[];
  ccRecipients: string[];
  bccRecipients: string[];
  receivedAt: Date;
  sentAt: Date | null;
  folder: string | null;
  folderId: string | null;
  isDraft: boolean;
  meetingMessageType: string | null;
  bodyText: string;
  attachments: StoredAttachment[];
  event: StoredEvent | null;
  collectedAt: Date;
};

const addresses = (list: WireRecipient[] | undefined): string[] =>
  (list ?? []).map((r) => r.emailAddress?.address?.toLowerCase() ?? '').filter(Boolean);

const instant = (value: string | undefined): Date | null => {
  if (!value) return null;
  const time = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? null : new Date(time);
};

/** A meeting request or cancellation is an eventMessage; its type says which. */
export function meetingType(message: WireMessage): string | null {
  if (message.meetingMessageType && message.meetingMessageType !== 'none') return message.meetingMessageType;
  if (message['@odata.type']?.startsWith('#microsoft.graph.eventMessage')) return 'meetingMessage';
  return null;
}

export function messageItem(
  context: MailboxContext,
  folder: CollectedFolder,
  message: WireMessage,
  attachments: StoredAttachment[],
  now: Date,
): NewItem {
  return {
    tenantId: context.tenantId,
    collectionId: context.collectionId,
    mailboxId: context.mailboxId,
    itemId: message.id,
    kind: 'message',
    batchId: context.batchId,
    mailboxUpn: context.upn,
    internetMessageId: message.internetMessageId ?? null,
    subject: message.subject ?? null,
    sender: message.from?.emailAddress?.address?.toLowerCase() ?? null,
    toRecipients: addresses(message.toRecipients),
    ccRecipients: addresses(message.ccRecipients),
    bccRecipients: addresses(message.bccRecipients),
    receivedAt: instant(message.receivedDateTime) ?? instant(message.createdDateTime) ?? now,
    sentAt: instant(message.sentDateTime),
    folder: folder.label,
    folderId: folder.id,
    isDraft: message.isDraft ?? false,
    meetingMessageType: meetingType(message),
    bodyText: message.body?.content ?? '',
    attachments,
    event: null,
    collectedAt: now,
  };
}

export function eventItem(context: MailboxContext, event: WireEvent, now: Date): NewItem {
  const start = instant(event.start?.dateTime) ?? now;
  return {
    tenantId: context.tenantId,
    collectionId: context.collectionId,
    mailboxId: context.mailboxId,
    itemId: event.id,
    kind: 'event',
    batchId: context.batchId,
    mailboxUpn: context.upn,
    internetMessageId: null,
    subject: event.subject ?? null,
    sender: event.organizer?.emailAddress?.address?.toLowerCase() ?? null,
    toRecipients: addresses(event.attendees),
    ccRecipients: [],
    bccRecipients: [],
    receivedAt: start,
    sentAt: instant(event.createdDateTime),
    folder: 'calendar',
    folderId: null,
    isDraft: false,
    meetingMessageType: null,
    bodyText: event.body?.content ?? '',
    attachments: [],
    event: {
      iCalUId: event.iCalUId ?? event.id,
      start: start.toISOString(),
      end: (instant(event.end?.dateTime) ?? start).toISOString(),
      isAllDay: event.isAllDay ?? false,
      isCancelled: event.isCancelled ?? false,
      location: event.location?.displayName || null,
      organizer: event.organizer?.emailAddress?.address?.toLowerCase() ?? null,
      attendees: addresses(event.attendees),
    },
    collectedAt: now,
  };
}

/** Attachment metadata; file attachments are hashed and their bytes dropped. */
export function storedAttachments(list: WireAttachment[]): StoredAttachment[] {
  return list.map((a) => {
    const bytes = typeof a.contentBytes === 'string' ? Buffer.from(a.contentBytes, 'base64') : null;
    return {
      name: a.name ?? '',
      contentType: a.contentType ?? 'application/octet-stream',
      size: bytes?.length ?? a.size ?? 0,
      isInline: a.isInline ?? false,
      sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
    };
  });
}

/** A collected message as a message-index copy (those without an internetMessageId are not indexed). */
export function indexCopy(item: NewItem, isRead: boolean | null): MessageCopyInput | null {
  if (item.kind !== 'message' || !item.internetMessageId) return null;
  return {
    tenantId: item.tenantId,
    mailboxId: item.mailboxId,
    mailboxUpn: item.mailboxUpn,
    messageId: item.itemId,
    internetMessageId: item.internetMessageId,
    sender: item.sender,
    recipients: [...item.toRecipients, ...item.ccRecipients, ...item.bccRecipients],
    subject: item.subject,
    receivedAt: item.receivedAt,
    folder: item.folder,
    folderId: item.folderId,
    isRead,
    source: 'collection',
  };
}
