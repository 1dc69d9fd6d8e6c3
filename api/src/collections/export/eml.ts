// EML export: one RFC 822 file of type multipart/digest whose parts are the collected messages,
// each as Graph's own MIME (GET /messages/{id}/$value, streamed straight through). A message Graph
// no longer has (purged since collection) is rebuilt from what was collected and says so in an
// X-Clawback-Reconstructed header.
import { randomBytes } from 'node:crypto';
import type { ItemRow } from '../item-repository.js';

export type MimeSource = (row: ItemRow) => Promise<AsyncIterable<Uint8Array>>;

export async function* emlDigest(
  rows: AsyncIterable<ItemRow>,
  mime: MimeSource,
  title: string,
): AsyncGenerator<string | Uint8Array> {
  const boundary = `----=_ClawbackDigest_${randomBytes(18).toString('hex')}`;
  yield [
    'MIME-Version: 1.0',
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Subject: ${encodedWord(title)}`,
    `Content-Type: multipart/digest; boundary="${boundary}"`,
    '',
    'Collected messages, one message/rfc822 part each.',
    '',
  ].join('\r\n');
  for await (const row of rows) {
    if (row.kind !== 'message') continue;
    yield [
      `--${boundary}`,
      'Content-Type: message/rfc822',
      `Content-Disposition: attachment; filename="${row.itemId.replace(/[^A-Za-z0-9_-]/g, '_').slice(-80)}.eml"`,
      `X-Clawback-Mailbox: ${row.mailboxUpn}`,
      '',
      '',
    ].join('\r\n');
    let source: AsyncIterable<Uint8Array> | null = null;
    let problem = 'not available';
    try {
      source = await mime(row);
    } catch (error) {
      problem =
        (error as { statusCode?: number }).statusCode === 404 ? 'no longer in the mailbox' : 'Graph refused';
    }
    if (source) yield* source;
    else yield reconstructed(row, problem);
    yield '\r\n';
  }
  yield `--${boundary}--\r\n`;
}

/** The message as collected: headers, the plain-text body, attachments named (not included). */
export function reconstructed(row: ItemRow, reason: string): string {
  const list = (addresses: string[]) => addresses.map((a) => `<${a}>`).join(', ');
  const headers = [
    row.sender ? `From: <${row.sender}>` : null,
    row.toRecipients.length ? `To: ${list(row.toRecipients)}` : null,
    row.ccRecipients.length ? `Cc: ${list(row.ccRecipients)}` : null,
    `Subject: ${encodedWord(row.subject ?? '')}`,
    `Date: ${(row.sentAt ?? row.receivedAt).toUTCString().replace('GMT', '+0000')}`,
    row.internetMessageId ? `Message-ID: ${row.internetMessageId}` : null,
    `X-Clawback-Reconstructed: ${reason}`,
    ...row.attachments.map(
      (a) => `X-Clawback-Attachment: ${encodedWord(a.name)}; sha256=${a.sha256 ?? 'none'}`,
    ),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ].filter((h): h is string => h !== null);
  const body = Buffer.from(row.bodyText, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}

/** RFC 2047 for anything outside printable ASCII. */
function encodedWord(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(clean)
    ? clean
    : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}
