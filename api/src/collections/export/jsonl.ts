// JSON Lines: one collected item per line, as ExportedItem describes it.
import type { ExportedItem } from '@clawback/shared';
import type { ItemRow } from '../item-repository.js';

export async function* jsonLines(rows: AsyncIterable<ItemRow>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(exported(row))}\n`;
}

export function exported(row: ItemRow): ExportedItem {
  return {
    kind: row.kind,
    mailbox: row.mailboxUpn,
    mailboxId: row.mailboxId,
    id: row.itemId,
    batchId: row.batchId,
    folder: row.folder,
    internetMessageId: row.internetMessageId,
    subject: row.subject,
    from: row.sender,
    to: row.toRecipients,
    cc: row.ccRecipients,
    bcc: row.bccRecipients,
    receivedAt: row.receivedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    isDraft: row.isDraft,
    meetingMessageType: row.meetingMessageType,
    body: row.bodyText,
    attachments: row.attachments,
    event: row.event,
    collectedAt: row.collectedAt.toISOString(),
  };
}
