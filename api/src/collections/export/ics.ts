// iCalendar (RFC 5545) from collected events: one VCALENDAR, one VEVENT per event copy. Copies of
// one meeting in several mailboxes share Outlook's iCalUId, and VEVENTs sharing a UID would read
// as one event's recurrences, so each copy's UID adds its mailbox; the meeting's own id stays in
// X-CLAWBACK-ICALUID.
import type { ItemRow } from '../item-repository.js';

const PRODID = '-//Clawback//Collection export//EN';

export async function* icsCalendar(rows: AsyncIterable<ItemRow>, now = new Date()): AsyncGenerator<string> {
  yield lines(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
  for await (const row of rows) if (row.kind === 'event' && row.event) yield vevent(row, now);
  yield lines(['END:VCALENDAR']);
}

function vevent(row: ItemRow, now: Date): string {
  const event = row.event!;
  const out = [
    'BEGIN:VEVENT',
    `UID:${text(`${event.iCalUId}/${row.mailboxUpn}`)}`,
    `X-CLAWBACK-ICALUID:${text(event.iCalUId)}`,
    `DTSTAMP:${stamp(now)}`,
    event.isAllDay ? `DTSTART;VALUE=DATE:${day(event.start)}` : `DTSTART:${stamp(new Date(event.start))}`,
    event.isAllDay ? `DTEND;VALUE=DATE:${day(event.end)}` : `DTEND:${stamp(new Date(event.end))}`,
    `SUMMARY:${text(row.subject ?? '')}`,
    `STATUS:${event.isCancelled ? 'CANCELLED' : 'CONFIRMED'}`,
  ];
  if (row.bodyText) out.push(`DESCRIPTION:${text(row.bodyText)}`);
  if (event.location) out.push(`LOCATION:${text(event.location)}`);
  if (event.organizer) out.push(`ORGANIZER:mailto:${event.organizer}`);
  for (const attendee of event.attendees) out.push(`ATTENDEE:mailto:${attendee}`);
  out.push(`X-CLAWBACK-MAILBOX:${text(row.mailboxUpn)}`, 'END:VEVENT');
  return lines(out);
}

/** TEXT values escape backslash, semicolon, comma and newlines. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function day(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

/** CRLF line ends, content lines folded at 75 octets. */
function lines(values: string[]): string {
  return values.map(fold).join('\r\n') + '\r\n';
}

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never split a UTF-8 sequence: back up to a lead byte.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}
