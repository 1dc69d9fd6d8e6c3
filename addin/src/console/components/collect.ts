// Reads a cursor-paged list to its end, or to `maxPages`, for figures computed in the browser.
import type { Page } from './use-paged.js';

export async function collectPages<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages: number,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const next = await load(cursor);
    items.push(...next.items);
    if (!next.nextCursor) return { items, truncated: false };
    cursor = next.nextCursor;
  }
  return { items, truncated: true };
}
