// A mail folder on the wire, with its item counts, and $select for folders.
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { GraphError } from '../../http/errors.js';
import type { SandboxRequest } from '../../http/types.js';
import type { Mailbox, MailFolder } from '../../state/types.js';
import { queryOption } from './query-options.js';

const PROPERTIES = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'isHidden',
] as const;

export interface FolderCounts {
  total: Map<string, number>;
  unread: Map<string, number>;
  children: Map<string, number>;
}

/** Counts for every folder of a mailbox in one pass, for listing many folders at once. */
export function folderCounts(mailbox: Mailbox): FolderCounts {
  const counts: FolderCounts = { total: new Map(), unread: new Map(), children: new Map() };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const message of mailbox.messages.values()) {
    bump(counts.total, message.folderId);
    if (!message.isRead) bump(counts.unread, message.folderId);
  }
  for (const folder of mailbox.folders.values())
    if (folder.parentFolderId) bump(counts.children, folder.parentFolderId);
  return counts;
}

export function parseFolderSelect(request: SandboxRequest): string[] | null {
  const raw = queryOption(request, '$select');
  if (raw === null || raw.trim() === '') return null;
  return raw.split(',').map((name) => {
    const canonical = PROPERTIES.find((p) => p.toLowerCase() === name.trim().toLowerCase());
    if (!canonical)
      throw new GraphError(
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${name.trim()}' on type 'microsoft.graph.mailFolder'.`,
      );
    return canonical;
  });
}

export function folderWire(
  folder: MailFolder,
  counts: FolderCounts,
  select: string[] | null,
): MicrosoftGraph.MailFolder {
  const full: MicrosoftGraph.MailFolder = {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: counts.children.get(folder.id) ?? 0,
    unreadItemCount: counts.unread.get(folder.id) ?? 0,
    totalItemCount: counts.total.get(folder.id) ?? 0,
    isHidden: folder.isHidden,
  };
  if (!select) return full;
  const wanted = new Set<string>(['id', ...select]);
  return Object.fromEntries(
    Object.entries(full).filter(([key]) => wanted.has(key)),
  ) as MicrosoftGraph.MailFolder;
}
