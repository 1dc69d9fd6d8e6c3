// How many mailboxes a message's recipients reach, for a campaign's estimate. Expanding the
// distribution lists is a recursive directory query, and a wave of lures sent to one list asks the
// same question many times a minute, so answers are kept for a minute: an estimate that far behind
// the directory is still a good estimate.
import type { DirectoryService } from '../directory/directory-service.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

export function createRecipientCounts(directory: () => DirectoryService) {
  const entries = new Map<string, { count: Promise<number>; expires: number }>();
  return {
    count(tenantId: string, addresses: string[]): Promise<number> {
      const key = `${tenantId} ${[...new Set(addresses)].sort().join(' ')}`;
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) return hit.count;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const count = directory()
        .expandAddresses(tenantId, addresses)
        .then((mailboxes) => mailboxes.length);
      entries.set(key, { count, expires: Date.now() + TTL_MS });
      // A failed expansion is not remembered: the job's retry asks again.
      count.catch(() => entries.delete(key));
      return count;
    },
  };
}

export type RecipientCounts = ReturnType<typeof createRecipientCounts>;
