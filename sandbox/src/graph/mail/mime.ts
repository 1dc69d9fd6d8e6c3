// RFC 5322 MIME of a stored message, as GET .../messages/{id}/$value returns it: the transport
// headers it arrived with (Received, Authentication-Results...), the body as HTML with a text
// alternative, and every attachment with its bytes unchanged (base64, even for message/rfc822).
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { EmailAddress, StoredMessage } from '../../state/types.js';
import { htmlToText } from './html-text.js';

/** Headers the composer writes from the message's own fields or its MIME structure. */
const COMPOSED = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'message-id',
  'date',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
]);

const address = (a: EmailAddress): Mail.Address => ({ name: a.name, address: a.address });

export function mimeOptions(message: StoredMessage): Mail.Options {
  const html = message.body.contentType === 'html' ? message.body.content : undefined;
  const text = html === undefined ? message.body.content : htmlToText(html);
  return {
    // Stored headers first, so trace headers lead as they do in a delivered message; the
    // composer then overwrites From, To, Subject... in place from the message's fields.
    headers: message.internetMessageHeaders
      .filter((h) => !COMPOSED.has(h.name.toLowerCase()))
      .map((h) => ({ key: h.name, value: h.value })),
    from: address(message.from),
    ...(message.sender.address !== message.from.address ? { sender: address(message.sender) } : {}),
    to: message.toRecipients.map(address),
    cc: message.ccRecipients.map(address),
    bcc: message.bccRecipients.map(address),
    replyTo: message.replyTo.length ? message.replyTo.map(address) : undefined,
    subject: message.subject,
    messageId: message.internetMessageId,
    date: new Date(message.sentDateTime),
    text,
    ...(html === undefined ? {} : { html }),
    attachments: message.attachments.map((a) => ({
      filename: a.name,
      content: a.content,
      contentType: a.contentType,
      contentTransferEncoding: 'base64',
      contentDisposition: a.isInline ? 'inline' : 'attachment',
      ...(a.contentId ? { cid: a.contentId } : {}),
    })),
  };
}

export async function buildMime(message: StoredMessage): Promise<Buffer> {
  const node = new MailComposer(mimeOptions(message)).compile();
  // A Sent Items copy keeps its Bcc line, as Exchange's MIME of a sent item does.
  node.keepBcc = message.bccRecipients.length > 0;
  return node.build();
}
