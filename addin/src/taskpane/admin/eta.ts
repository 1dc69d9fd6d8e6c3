// Time left of a retraction from its recent pace. Only the last half minute counts, so the
// estimate follows Exchange throttling as it slows down or lifts.
import type { RetractionCounts } from '../../api/schemas.js';

export interface ProgressSample {
  /** Milliseconds (any clock, as long as it is the same one). */
  at: number;
  processed: number;
  total: number;
}

const WINDOW_MS = 30_000;

/** Mailboxes finished one way or another: retracted, already there, gone, failed or skipped. */
export function processedOf(counts: RetractionCounts): number {
  return Math.max(0, counts.total - counts.pending);
}

export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const recent = samples.filter((s) => sample.at - s.at <= WINDOW_MS);
  // Keep the newest sample older than the window too, so a slow stream still has two points.
  const older = samples.filter((s) => sample.at - s.at > WINDOW_MS).at(-1);
  return [...(older ? [older] : []), ...recent, sample];
}

/** Seconds left, 0 when finished, or null while there is no pace to go by. */
export function secondsLeft(samples: readonly ProgressSample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return null;
  const remaining = last.total - last.processed;
  if (remaining <= 0) return 0;
  const elapsed = (last.at - first.at) / 1000;
  const rate = elapsed > 0 ? (last.processed - first.processed) / elapsed : 0;
  return rate > 0 ? remaining / rate : null;
}
