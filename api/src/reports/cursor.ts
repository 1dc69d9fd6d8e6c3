// Opaque keyset cursors: the sort value and id of the last row of a page, as base64url JSON.
import { problems } from '../http/problem.js';

export type CursorValue = string | number;

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: CursorValue; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    )
      return { value: parsed[0], id: parsed[1] };
  } catch {
    // fall through
  }
  throw problems.validation([{ path: 'querystring.cursor', message: 'is not a cursor this API gave out' }]);
}

/** A cursor's value as an instant, refusing anything that is not one. */
export function cursorInstant(value: CursorValue): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()))
    throw problems.validation([{ path: 'querystring.cursor', message: 'is not a cursor this API gave out' }]);
  return date;
}
