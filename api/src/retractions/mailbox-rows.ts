// Per-mailbox rows for the API and the CSV export.
import type { RetractionRepository, MailboxRow } from './repository.js';

export function mailboxRow(row: MailboxRow) {
  return {
    mailbox: row.mailboxUpn,
    mailboxId: row.mailboxId,
    state: row.state as 'done',
    reason: row.reason,
    copies: row.copies.map((c) => ({
      id: c.id,
      folder: c.folder,
      isRead: c.isRead,
      receivedAt: c.receivedAt,
      outcome: c.outcome ?? null,
    })),
    ...(row.events.length
      ? { events: row.events.map((e) => ({ id: e.id, subject: e.subject, outcome: e.outcome ?? null })) }
      : {}),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const CSV_PAGE = 1_000;

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything and neutralise spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export async function mailboxCsv(
  repository: RetractionRepository,
  retractionId: string,
  state?: string,
): Promise<string> {
  const lines = [
    ['mailbox', 'state', 'reason', 'copies', 'folders', 'read', 'calendarEvents', 'updatedAt']
      .map(csvField)
      .join(','),
  ];
  let after: string | undefined;
  for (;;) {
    const page = await repository.mailboxPage(retractionId, { state, after }, CSV_PAGE);
    for (const row of page)
      lines.push(
        [
          row.mailboxUpn,
          row.state,
          row.reason,
          row.copies.length,
          row.copies.map((c) => c.folder).join(' '),
          row.copies.filter((c) => c.isRead).length,
          row.events.length,
          row.updatedAt.toISOString(),
        ]
          .map(csvField)
          .join(','),
      );
    if (page.length < CSV_PAGE) break;
    after = page.at(-1)!.mailboxUpn;
  }
  return `${lines.join('\r\n')}\r\n`;
}
