// A mailbox's folder tree. Exchange keeps user folders under the IPM subtree (msgfolderroot) and the
// dumpster (Recoverable Items) beside it, outside anything a mail client lists.
import type { Random } from './random.js';
import type { Mailbox, MailFolder } from './types.js';

interface FolderSpec {
  wellKnownName: string | null;
  displayName: string;
  parent: 'root' | 'recoverable' | null;
  isHidden?: boolean;
  isRecoverable?: boolean;
}

const DEFAULT_FOLDERS: FolderSpec[] = [
  { wellKnownName: 'msgfolderroot', displayName: 'Top of Information Store', parent: null },
  { wellKnownName: 'inbox', displayName: 'Inbox', parent: 'root' },
  { wellKnownName: 'drafts', displayName: 'Drafts', parent: 'root' },
  { wellKnownName: 'sentitems', displayName: 'Sent Items', parent: 'root' },
  { wellKnownName: 'deleteditems', displayName: 'Deleted Items', parent: 'root' },
  { wellKnownName: 'junkemail', displayName: 'Junk Email', parent: 'root' },
  { wellKnownName: 'outbox', displayName: 'Outbox', parent: 'root' },
  { wellKnownName: 'archive', displayName: 'Archive', parent: 'root' },
  { wellKnownName: 'conversationhistory', displayName: 'Conversation History', parent: 'root' },
  { wellKnownName: 'clutter', displayName: 'Clutter', parent: 'root' },
  { wellKnownName: null, displayName: 'Conversation Action Settings', parent: 'root', isHidden: true },
  {
    wellKnownName: 'recoverableitemsroot',
    displayName: 'Recoverable Items',
    parent: null,
    isHidden: true,
    isRecoverable: true,
  },
  {
    wellKnownName: 'recoverableitemsdeletions',
    displayName: 'Deletions',
    parent: 'recoverable',
    isHidden: true,
    isRecoverable: true,
  },
  {
    wellKnownName: 'recoverableitemspurges',
    displayName: 'Purges',
    parent: 'recoverable',
    isHidden: true,
    isRecoverable: true,
  },
  {
    wellKnownName: 'recoverableitemsversions',
    displayName: 'Versions',
    parent: 'recoverable',
    isHidden: true,
    isRecoverable: true,
  },
];

/** Folders whose contents no Graph call can reach: what permanentDelete leaves behind. */
export const UNREACHABLE_FOLDERS = new Set(['recoverableitemspurges', 'recoverableitemsversions']);

export function createMailbox(userId: string, random: Random): Mailbox {
  const folders = new Map<string, MailFolder>();
  const byRole: Record<string, string> = {};
  for (const spec of DEFAULT_FOLDERS) {
    const id = random.exchangeId('AAMkAF');
    const parentFolderId =
      spec.parent === 'root' ? byRole.root! : spec.parent === 'recoverable' ? byRole.recoverable! : null;
    folders.set(id, {
      id,
      displayName: spec.displayName,
      parentFolderId,
      wellKnownName: spec.wellKnownName,
      isHidden: spec.isHidden ?? false,
      isRecoverable: spec.isRecoverable ?? false,
    });
    if (spec.wellKnownName === 'msgfolderroot') byRole.root = id;
    if (spec.wellKnownName === 'recoverableitemsroot') byRole.recoverable = id;
  }
  return {
    userId,
    folders,
    messages: new Map(),
    restIdIndex: new Map(),
    events: new Map(),
    removals: new Map(),
  };
}

/** A folder by id or well-known name (case-insensitive, as Graph accepts "Inbox" and "inbox"). */
export function findFolder(mailbox: Mailbox, idOrWellKnownName: string): MailFolder | null {
  const byId = mailbox.folders.get(idOrWellKnownName);
  if (byId) return byId;
  const name = idOrWellKnownName.toLowerCase();
  for (const folder of mailbox.folders.values()) if (folder.wellKnownName === name) return folder;
  return null;
}

export function wellKnownFolder(mailbox: Mailbox, wellKnownName: string): MailFolder {
  const folder = findFolder(mailbox, wellKnownName);
  if (!folder) throw new Error(`mailbox has no ${wellKnownName} folder`);
  return folder;
}

export function addFolder(
  mailbox: Mailbox,
  random: Random,
  displayName: string,
  parentFolderId: string,
): MailFolder {
  const folder: MailFolder = {
    id: random.exchangeId('AAMkAF'),
    displayName,
    parentFolderId,
    wellKnownName: null,
    isHidden: false,
    isRecoverable: false,
  };
  mailbox.folders.set(folder.id, folder);
  return folder;
}

/** The name a person would use for a folder: its well-known name, else its display name. */
export function folderLabel(folder: MailFolder): string {
  return folder.wellKnownName ?? folder.displayName;
}
