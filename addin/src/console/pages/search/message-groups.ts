// Search results are copies (one per mailbox); people think in messages. Groups copies by
// internetMessageId, newest message first.
import type { MessageCopyView } from '@clawback/shared';

export interface MessageGroup {
  internetMessageId: string;
  subject: string | null;
  sender: string | null;
  receivedAt: string | null;
  mailboxes: number;
  copies: number;
  read: number;
  /** Copies already taken out (removed from the mailbox by a retraction). */
  removed: number;
  folders: Record<string, number>;
}

export function groupCopies(copies: readonly MessageCopyView[]): MessageGroup[] {
  const groups = new Map<string, MessageGroup & { seen: Set<string> }>();
  for (const copy of copies) {
    let group = groups.get(copy.internetMessageId);
    if (!group) {
      group = {
        internetMessageId: copy.internetMessageId,
        subject: copy.subject,
        sender: copy.sender,
        receivedAt: copy.receivedAt,
        mailboxes: 0,
        copies: 0,
        read: 0,
        removed: 0,
        folders: {},
        seen: new Set(),
      };
      groups.set(copy.internetMessageId, group);
    }
    group.copies++;
    if (!group.seen.has(copy.mailboxId)) {
      group.seen.add(copy.mailboxId);
      group.mailboxes++;
    }
    if (copy.isRead) group.read++;
    if (copy.removedAt) group.removed++;
    const folder = copy.folder ?? '';
    group.folders[folder] = (group.folders[folder] ?? 0) + 1;
    if (copy.receivedAt && (!group.receivedAt || copy.receivedAt > group.receivedAt))
      group.receivedAt = copy.receivedAt;
  }
  return [...groups.values()]
    .map(({ seen: _seen, ...group }) => group)
    .sort((a, b) => (b.receivedAt ?? '').localeCompare(a.receivedAt ?? ''));
}

/** One RFC 5322 msg-id, as the API accepts it. */
export const isInternetMessageId = (value: string) => /^<[^<>\s@]+@[^<>\s@]+>$/.test(value);
