// Collection periods. A data source collects consecutive windows of `frequency` minutes by received
// time, starting at its start date. A window is due once its end has passed by the period offset
// (the offset moves every period's end back, so mail that arrives late is still in its window).
// While more than one window is due (a cold start, or catching up after downtime) a batch merges up
// to the configured maximum of them.
import type { CollectionSettingsColumn } from '../db/schema/index.js';

const MINUTE = 60_000;

export interface BatchWindow {
  start: Date;
  end: Date;
  windows: number;
  coldStart: boolean;
}

/** The next batch's window at `now`, or null when no full window is due yet. */
export function nextBatchWindow(
  nextWindowStart: Date,
  settings: CollectionSettingsColumn,
  now: Date,
): BatchWindow | null {
  const frequency = settings.frequencyMinutes * MINUTE;
  const horizon = now.getTime() - settings.collectionPeriodOffsetMinutes * MINUTE;
  const due = Math.floor((horizon - nextWindowStart.getTime()) / frequency);
  if (due < 1) return null;
  const windows = settings.mergeBatchesDuringColdStart ? Math.min(due, settings.maxBatchesToMerge) : 1;
  return {
    start: nextWindowStart,
    end: new Date(nextWindowStart.getTime() + windows * frequency),
    windows,
    coldStart: due > 1,
  };
}

/** When the next window becomes due (for "nothing to collect yet" answers). */
export function nextDueAt(nextWindowStart: Date, settings: CollectionSettingsColumn): Date {
  return new Date(
    nextWindowStart.getTime() + (settings.frequencyMinutes + settings.collectionPeriodOffsetMinutes) * MINUTE,
  );
}

/** A start date on a whole minute, so windows have clean bounds. */
export function wholeMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / MINUTE) * MINUTE);
}

/** Retries of failed mailboxes, as the issue sets them: 10, 30, then 60 minutes. */
export const RETRY_DELAYS_MINUTES = [10, 30, 60] as const;
