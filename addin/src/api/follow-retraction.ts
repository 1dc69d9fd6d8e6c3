// Follows a retraction until it ends: its server-sent events, then (if the stream closes early or
// fails) a poll, so a plan or a run that outlives one connection is still seen to the end.
import type { ApiClient } from './client.js';
import { TERMINAL_RETRACTION_STATUSES, type Retraction } from './schemas.js';

const POLL_MS = 1_000;

type Follower = Pick<ApiClient, 'retractionEvents' | 'getRetraction'>;

const aborted = () => new DOMException('aborted', 'AbortError');

/** Every state the retraction goes through until a terminal one. */
export async function* retractionUpdates(
  api: Follower,
  id: string,
  signal: AbortSignal,
  pollMs = POLL_MS,
): AsyncGenerator<Retraction> {
  let latest: Retraction | null = null;
  try {
    for await (const retraction of api.retractionEvents(id, signal)) {
      latest = retraction;
      yield retraction;
    }
  } catch (error) {
    if (signal.aborted) throw error;
    // A proxy that buffers or a dropped connection: polling carries on.
  }
  while (!latest || !TERMINAL_RETRACTION_STATUSES.has(latest.status)) {
    if (signal.aborted) throw aborted();
    if (latest) await new Promise((resolve) => setTimeout(resolve, pollMs));
    if (signal.aborted) throw aborted();
    latest = await api.getRetraction(id);
    yield latest;
  }
}

/** Resolves with the retraction once it has ended, telling each state on the way. */
export async function followRetraction(
  api: Follower,
  id: string,
  onUpdate: (retraction: Retraction) => void,
  signal: AbortSignal,
  pollMs = POLL_MS,
): Promise<Retraction> {
  let latest: Retraction | null = null;
  for await (const retraction of retractionUpdates(api, id, signal, pollMs)) {
    latest = retraction;
    onUpdate(retraction);
  }
  if (!latest) throw aborted();
  return latest;
}
