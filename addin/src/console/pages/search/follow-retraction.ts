// Follows a retraction until it ends: its server-sent events, then (if the stream closes early)
// a poll, so a plan or a run that outlives one connection is still seen to the end.
import type { Retraction } from '@clawback/shared';
import type { ConsoleApi } from '../../../api/console-api.js';
import { TERMINAL_RETRACTION_STATUSES } from '../../../api/schemas.js';

const POLL_MS = 1_000;

export async function followRetraction(
  api: Pick<ConsoleApi, 'retractionEvents' | 'getRetraction'>,
  id: string,
  onUpdate: (retraction: Retraction) => void,
  signal: AbortSignal,
): Promise<Retraction> {
  let latest: Retraction | null = null;
  try {
    for await (const retraction of api.retractionEvents(id, signal)) {
      latest = retraction;
      onUpdate(retraction);
    }
  } catch (error) {
    if (signal.aborted) throw error;
    // The stream failed (a proxy that buffers, a dropped connection): polling carries on.
  }
  while (!latest || !TERMINAL_RETRACTION_STATUSES.has(latest.status)) {
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    if (latest) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    latest = await api.getRetraction(id);
    onUpdate(latest);
  }
  return latest;
}
