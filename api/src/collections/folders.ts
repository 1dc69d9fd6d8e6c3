// The folders collection reads in one mailbox: every visible folder of the mailbox's folder tree,
// custom folders included, plus Recoverable Items' Deletions (soft-deleted items). Hidden folders are
// not collected (seed 002); the dumpster's Purges are beyond every Graph call, so permanently deleted
// items are collected only while they are still in Deletions.
import type { GraphCallResult } from '../graph/executor.js';
import type { BulkRunner } from './coalescing.js';
import { foldersCall, wellKnownCall, WELL_KNOWN_FOLDERS, type CollectionCall } from './graph-calls.js';
import { pageAll } from './paging.js';

export interface CollectedFolder {
  id: string;
  /** Well-known name where it has one (inbox, deleteditems...), else its display name. */
  label: string;
}

export type FolderDiscovery =
  | { ok: true; folders: CollectedFolder[]; hiddenSkipped: number }
  | { ok: false; failure: GraphCallResult<CollectionCall> };

interface WireFolder {
  id: string;
  displayName?: string;
  childFolderCount?: number;
  isHidden?: boolean;
}

const DELETIONS = 'recoverableitemsdeletions';

export async function discoverFolders(
  executor: BulkRunner,
  graphBaseUrl: string,
  mailbox: string,
): Promise<FolderDiscovery> {
  const labels = new Map<string, string>();
  const visible: WireFolder[] = [];
  let hiddenSkipped = 0;
  let failure: GraphCallResult<CollectionCall> | null = null;
  let deletionsId: string | null = null;

  // The top level and the well-known names in one round: the first answer tells whether the
  // mailbox can be read at all.
  let calls: CollectionCall[] = [
    foldersCall(mailbox, null),
    ...WELL_KNOWN_FOLDERS.map((name) => wellKnownCall(mailbox, name)),
  ];
  while (calls.length > 0 && !failure) {
    const children: CollectionCall[] = [];
    await pageAll(executor, graphBaseUrl, calls, {
      async page(call, body) {
        if (call.purpose === 'wellKnown') {
          const folder = body as unknown as WireFolder;
          labels.set(folder.id, call.ref);
          if (call.ref === DELETIONS) deletionsId = folder.id;
          return;
        }
        for (const folder of (body.value ?? []) as unknown as WireFolder[]) {
          // Children of a hidden folder are hidden with it: neither is walked.
          if (folder.isHidden) {
            hiddenSkipped += 1;
            continue;
          }
          visible.push(folder);
          if ((folder.childFolderCount ?? 0) > 0) children.push(foldersCall(mailbox, folder.id));
        }
      },
      failure(result) {
        // A well-known folder a mailbox lacks (no Clutter, say) is simply not there.
        if (result.call.purpose === 'wellKnown' && result.status === 404 && !isMailboxError(result)) return;
        failure ??= result;
      },
    });
    calls = children;
  }
  if (failure) return { ok: false, failure };
  const folders = visible.map((f) => ({ id: f.id, label: labels.get(f.id) ?? f.displayName ?? f.id }));
  if (deletionsId && !folders.some((f) => f.id === deletionsId))
    folders.push({ id: deletionsId, label: DELETIONS });
  return { ok: true, folders, hiddenSkipped };
}

function isMailboxError(result: GraphCallResult): boolean {
  const code = (result.body as { error?: { code?: string } } | undefined)?.error?.code;
  return code === 'ErrorInvalidUser' || code === 'MailboxNotEnabledForRESTAPI';
}
