// Time left of a retraction from its recent pace.
import { describe, expect, it } from 'vitest';
import { addSample, processedOf, secondsLeft } from '../../../addin/src/taskpane/admin/eta.js';

describe('retraction ETA', () => {
  it('counts every finished mailbox, whatever became of it', () => {
    expect(
      processedOf({ total: 10, pending: 3, done: 3, alreadyInTarget: 1, notFound: 1, failed: 1, skipped: 1 }),
    ).toBe(7);
  });

  it('has no estimate before there is a pace', () => {
    expect(secondsLeft([])).toBeNull();
    expect(secondsLeft([{ at: 0, processed: 0, total: 100 }])).toBeNull();
    expect(
      secondsLeft([
        { at: 0, processed: 5, total: 100 },
        { at: 5_000, processed: 5, total: 100 },
      ]),
    ).toBeNull();
  });

  it('divides what is left by the recent rate', () => {
    // 20 mailboxes in 10 s → 2/s; 60 left → 30 s.
    expect(
      secondsLeft([
        { at: 0, processed: 20, total: 100 },
        { at: 10_000, processed: 40, total: 100 },
      ]),
    ).toBe(30);
    expect(
      secondsLeft([
        { at: 0, processed: 0, total: 10 },
        { at: 1_000, processed: 10, total: 10 },
      ]),
    ).toBe(0);
  });

  it('follows a slowdown: only the last half minute counts', () => {
    let samples = addSample([], { at: 0, processed: 0, total: 1000 });
    samples = addSample(samples, { at: 10_000, processed: 500, total: 1000 });
    // Throttled: 10 more in 40 s.
    samples = addSample(samples, { at: 50_000, processed: 510, total: 1000 });
    samples = addSample(samples, { at: 90_000, processed: 520, total: 1000 });
    expect(samples.map((s) => s.at)).toEqual([50_000, 90_000]);
    expect(secondsLeft(samples)).toBe(480 / (10 / 40));
  });
});
