// Reporters' mailboxes as the directory describes them, remembered for half a minute: every click
// needs one, and whether a domain is published changes rarely (a change shows within the minute).
import type { DirectoryService, MailboxRef } from '../directory/directory-service.js';

const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

export function createMailboxCache(directory: () => DirectoryService) {
  const entries = new Map<string, { ref: MailboxRef | null; expires: number }>();
  return {
    async find(tenantId: string, oid: string): Promise<MailboxRef | null> {
      const key = `${tenantId}:${oid}`;
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) return hit.ref;
      const ref = await directory().findMailbox(tenantId, oid);
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { ref, expires: Date.now() + TTL_MS });
      return ref;
    },
  };
}

export type MailboxCache = ReturnType<typeof createMailboxCache>;
