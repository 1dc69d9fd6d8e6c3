// The retraction the pane shows for the open message: the newest one that acted (not a plan), and
// the undo of it if there is one. A second administrator opening the same message sees it, and
// may approve it, instead of being offered a second retraction the API would refuse.
import type { ApiClient } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import type { Retraction } from '../../api/schemas.js';

export interface MessageRetraction {
  retraction: Retraction;
  undo: Retraction | null;
}

export function latestOf(items: readonly Retraction[]): MessageRetraction | null {
  const retraction = items.find((r) => r.kind === 'retract' && !r.dryRun);
  if (!retraction) return null;
  return { retraction, undo: items.find((r) => r.kind === 'undo' && r.undoOf === retraction.id) ?? null };
}

export async function findMessageRetraction(
  api: Pick<ApiClient, 'listRetractionsOf'>,
  internetMessageId: string,
): Promise<MessageRetraction | null> {
  if (!internetMessageId) return null;
  try {
    return latestOf((await api.listRetractionsOf(internetMessageId)).items);
  } catch (error) {
    // A server without the list yet: the pane still retracts, it just cannot show earlier ones.
    if (error instanceof ApiError && error.isRouteMissing) return null;
    throw error;
  }
}
