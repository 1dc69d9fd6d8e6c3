// Mail operations over a tenant: delivery as Exchange does it (distribution lists expanded, one copy
// per mailbox), moves that change REST ids, and the dumpster.
import { createHash } from 'node:crypto';
import { findFolder, wellKnownFolder } from './mailbox.js';
import type { TenantState } from './tenant.js';
import type { EmailAddress, Mailbox, SandboxAttachment, StoredMessage } from './types.js';

export interface DeliveryRequest {
  from: EmailAddress;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  body?: string;
  bodyType?: 'html' | 'text';
  internetMessageId?: string;
  receivedDateTime?: string;
  replyTo?: EmailAddress[];
  attachments?: { name: string; contentType: string; content: Buffer; isInline?: boolean }[];
  extraHeaders?: { name: string; value: string }[];
  /** Folder (well-known name) the copies land in; default inbox. */
  folder?: string;
  isRead?: boolean;
  meetingMessageType?: StoredMessage['meetingMessageType'];
  eventId?: string | null;
  /** A meeting request's event differs per mailbox: each recipient's own calendar copy. */
  eventIdFor?: (userId: string) => string | null;
  /** Also keep a Sent Items copy in the sender's mailbox when the sender is in the tenant. */
  keepSentCopy?: boolean;
}

export interface DeliveryResult {
  internetMessageId: string;
  copies: { mailbox: string; userId: string; id: string }[];
}

/** Expands addresses to mailbox owners: users directly, groups through nested membership. */
export function expandRecipients(tenant: TenantState, addresses: string[]): Set<string> {
  const userIds = new Set<string>();
  for (const address of addresses) {
    const ref = tenant.resolveAddress(address);
    if (!ref) continue;
    if (ref.kind === 'user') userIds.add(ref.id);
    else for (const id of tenant.transitiveUserIds(ref.id)) userIds.add(id);
  }
  return userIds;
}

export function deliver(tenant: TenantState, request: DeliveryRequest): DeliveryResult {
  const internetMessageId =
    request.internetMessageId ?? `<${tenant.random.guid()}@${domainOf(request.from.address)}>`;
  const received = request.receivedDateTime ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const attachments = (request.attachments ?? []).map((a) => ({
    id: tenant.random.exchangeId('AAMkAA'),
    name: a.name,
    contentType: a.contentType,
    isInline: a.isInline ?? false,
    contentId: a.isInline ? `${tenant.random.guid()}@sandbox` : null,
    content: a.content,
    lastModifiedDateTime: received,
  }));
  const toRecipients = request.to.map((address) => displayAddress(tenant, address));
  const ccRecipients = (request.cc ?? []).map((address) => displayAddress(tenant, address));
  const headers = buildHeaders(request, internetMessageId, received, toRecipients, ccRecipients);
  const conversationId = tenant.random.exchangeId('AAQkA');
  const recipients = expandRecipients(tenant, [...request.to, ...(request.cc ?? []), ...(request.bcc ?? [])]);
  const copies: DeliveryResult['copies'] = [];

  const place = (userId: string, folderName: string, isRead: boolean, bcc: EmailAddress[]) => {
    const eventId = request.eventIdFor ? request.eventIdFor(userId) : (request.eventId ?? null);
    const mailbox = tenant.mailbox(userId);
    const folder = wellKnownFolder(mailbox, folderName);
    const message = storeMessage(tenant, mailbox, {
      internetMessageId,
      conversationId,
      subject: request.subject,
      body: { contentType: request.bodyType ?? 'html', content: request.body ?? '' },
      from: request.from,
      sender: request.from,
      toRecipients,
      ccRecipients,
      bccRecipients: bcc,
      replyTo: request.replyTo ?? [],
      internetMessageHeaders: headers,
      receivedDateTime: received,
      sentDateTime: received,
      isRead,
      isDraft: false,
      importance: 'normal',
      categories: [],
      folderId: folder.id,
      attachments: attachments.map((a) => ({ ...a })) as SandboxAttachment[],
      meetingMessageType: request.meetingMessageType ?? null,
      eventId,
    });
    copies.push({ mailbox: tenant.users.get(userId)!.userPrincipalName, userId, id: message.immutableId });
  };

  for (const userId of recipients) {
    if (!tenant.hasMailbox(userId)) continue;
    place(userId, request.folder ?? 'inbox', request.isRead ?? false, []);
  }
  const sender = tenant.findUser(request.from.address);
  if (request.keepSentCopy && sender && tenant.hasMailbox(sender.id)) {
    const bcc = (request.bcc ?? []).map((address) => displayAddress(tenant, address));
    place(sender.id, 'sentitems', true, bcc);
  }
  return { internetMessageId, copies };
}

type NewMessage = Omit<
  StoredMessage,
  'immutableId' | 'restId' | 'createdDateTime' | 'lastModifiedDateTime' | 'changeKey' | 'seq' | 'folderSeq'
>;

export function storeMessage(tenant: TenantState, mailbox: Mailbox, message: NewMessage): StoredMessage {
  const immutableId = tenant.random.exchangeId('AAkALg');
  const seq = tenant.nextSeq();
  const stored: StoredMessage = {
    ...message,
    immutableId,
    restId: tenant.random.exchangeId('AAMkAG'),
    createdDateTime: message.receivedDateTime,
    lastModifiedDateTime: message.receivedDateTime,
    changeKey: tenant.random.bytes(12).toString('base64'),
    seq,
    folderSeq: seq,
  };
  mailbox.messages.set(immutableId, stored);
  mailbox.restIdIndex.set(stored.restId, immutableId);
  return stored;
}

/** A message by REST id or immutable id; ids handed out before a move still resolve to nothing. */
export function findMessage(mailbox: Mailbox, id: string): StoredMessage | null {
  const direct = mailbox.messages.get(id);
  if (direct) return direct;
  const immutableId = mailbox.restIdIndex.get(id);
  const message = immutableId ? mailbox.messages.get(immutableId) : undefined;
  return message && message.restId === id ? message : null;
}

/** Moves a message: a new REST id (the old one stops resolving), the same immutable id. */
export function moveMessage(
  tenant: TenantState,
  mailbox: Mailbox,
  message: StoredMessage,
  folderId: string,
): StoredMessage {
  const from = message.folderId;
  recordRemoval(tenant, mailbox, from, message.immutableId, message.restId);
  mailbox.restIdIndex.delete(message.restId);
  message.restId = tenant.random.exchangeId('AAMkAG');
  mailbox.restIdIndex.set(message.restId, message.immutableId);
  message.folderId = folderId;
  touch(tenant, message);
  message.folderSeq = message.seq;
  return message;
}

export function touch(tenant: TenantState, message: StoredMessage): void {
  message.seq = tenant.nextSeq();
  message.lastModifiedDateTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  message.changeKey = tenant.random.bytes(12).toString('base64');
}

export function recordRemoval(
  tenant: TenantState,
  mailbox: Mailbox,
  folderId: string,
  id: string,
  restId?: string,
): void {
  const list = mailbox.removals.get(folderId) ?? [];
  list.push({ id, ...(restId ? { restId } : {}), seq: tenant.nextSeq() });
  mailbox.removals.set(folderId, list);
}

/** Every copy of a message in the tenant, for the control API. */
export function copiesOf(tenant: TenantState, internetMessageId: string) {
  const copies: { mailbox: string; userId: string; folder: string; id: string; isRead: boolean }[] = [];
  for (const mailbox of tenant.existingMailboxes()) {
    for (const message of mailbox.messages.values()) {
      if (message.internetMessageId !== internetMessageId) continue;
      const folder = mailbox.folders.get(message.folderId)!;
      copies.push({
        mailbox: tenant.users.get(mailbox.userId)?.userPrincipalName ?? mailbox.userId,
        userId: mailbox.userId,
        folder: folder.wellKnownName ?? folder.displayName,
        id: message.immutableId,
        isRead: message.isRead,
      });
    }
  }
  return copies;
}

export function folderOf(mailbox: Mailbox, message: StoredMessage) {
  return findFolder(mailbox, message.folderId);
}

function displayAddress(tenant: TenantState, address: string): EmailAddress {
  const user = tenant.findUser(address);
  const group = user ? null : tenant.findGroup(address);
  return { name: user?.displayName ?? group?.displayName ?? address, address };
}

function domainOf(address: string): string {
  return address.split('@')[1] ?? 'sandbox.local';
}

function buildHeaders(
  request: DeliveryRequest,
  internetMessageId: string,
  received: string,
  to: EmailAddress[],
  cc: EmailAddress[],
): { name: string; value: string }[] {
  const date = new Date(received).toUTCString().replace('GMT', '+0000');
  const fromDomain = domainOf(request.from.address);
  const hash = createHash('sha256').update(internetMessageId).digest('hex').slice(0, 12);
  const list = (recipients: EmailAddress[]) => recipients.map((r) => `${r.name} <${r.address}>`).join(', ');
  const headers = [
    {
      name: 'Received',
      value: `from mail.${fromDomain} (203.0.113.${parseInt(hash.slice(0, 2), 16) % 250}) by sandbox.protection.outlook.com; ${date}`,
    },
    {
      name: 'Authentication-Results',
      value: `spf=pass smtp.mailfrom=${fromDomain}; dkim=pass header.d=${fromDomain}; dmarc=pass action=none header.from=${fromDomain}`,
    },
    { name: 'From', value: `${request.from.name} <${request.from.address}>` },
    { name: 'To', value: list(to) },
    ...(cc.length ? [{ name: 'Cc', value: list(cc) }] : []),
    { name: 'Subject', value: request.subject },
    { name: 'Date', value: date },
    { name: 'Message-ID', value: internetMessageId },
    { name: 'MIME-Version', value: '1.0' },
  ];
  if (request.replyTo?.length) headers.push({ name: 'Reply-To', value: list(request.replyTo) });
  // Caller-supplied headers replace defaults of the same name (e.g. a failing Authentication-Results).
  for (const extra of request.extraHeaders ?? []) {
    const index = headers.findIndex((h) => h.name.toLowerCase() === extra.name.toLowerCase());
    if (index >= 0) headers[index] = extra;
    else headers.push(extra);
  }
  return headers;
}
