// Quick discovery (seed 002, on by default): a delta round per folder tells which folders can hold
// mail received in the batch's window, so unchanged folders (and mailboxes) are skipped. Every item
// received since the data source's start date is seen by some round, and each folder keeps the
// newest received time it has seen: a folder whose newest item is older than the window start
// cannot hold anything in the window. A folder without a usable delta link is always listed.
import { deltaCall, relativeLink, type CollectionCall } from './graph-calls.js';
import type { BulkRunner } from './coalescing.js';
import type { CollectedFolder } from './folders.js';
import type { ItemRepository } from './item-repository.js';
import { pageAll } from './paging.js';

export interface DiscoveryInput {
  executor: BulkRunner;
  graphBaseUrl: string;
  items: ItemRepository;
  tenantId: string;
  collectionId: string;
  mailboxId: string;
  collectFrom: Date;
  windowStart: Date;
}

interface Round {
  maxReceived: number | null;
  failed: boolean;
}

/** The folders that may hold items received at or after the window start. */
export async function foldersToList(
  input: DiscoveryInput,
  folders: CollectedFolder[],
): Promise<CollectedFolder[]> {
  if (folders.length === 0) return [];
  const { executor, graphBaseUrl, items, collectionId, mailboxId } = input;
  const states = await items.folderStates(collectionId, mailboxId);
  const rounds = new Map<string, Round>(folders.map((f) => [f.id, { maxReceived: null, failed: false }]));
  const calls: CollectionCall[] = folders.map((folder) => {
    const link = states.get(folder.id)?.deltaLink;
    const first = deltaCall(mailboxId, folder.id, input.collectFrom);
    return link ? { ...first, url: relativeLink(link, graphBaseUrl) } : first;
  });
  await pageAll(executor, graphBaseUrl, calls, {
    async page(call, body, last) {
      const round = rounds.get(call.ref)!;
      for (const item of (body.value ?? []) as { receivedDateTime?: string; '@removed'?: unknown }[]) {
        if (item['@removed'] || !item.receivedDateTime) continue;
        const received = Date.parse(item.receivedDateTime);
        if (!Number.isNaN(received)) round.maxReceived = Math.max(round.maxReceived ?? received, received);
      }
      const deltaLink = body['@odata.deltaLink'];
      if (last && deltaLink)
        await items.saveFolderState({
          tenantId: input.tenantId,
          collectionId,
          mailboxId,
          folderId: call.ref,
          deltaLink,
          maxReceivedAt: round.maxReceived === null ? null : new Date(round.maxReceived),
        });
    },
    async failure(result) {
      rounds.get(result.call.ref)!.failed = true;
      // An expired or foreign token: start a fresh round next time.
      await items.clearFolderState(collectionId, mailboxId, result.call.ref);
    },
  });
  const windowStart = input.windowStart.getTime();
  return folders.filter((folder) => {
    const round = rounds.get(folder.id)!;
    if (round.failed) return true;
    const stored = states.get(folder.id)?.maxReceivedAt?.getTime() ?? null;
    const newest = Math.max(stored ?? -Infinity, round.maxReceived ?? -Infinity);
    return newest >= windowStart;
  });
}
