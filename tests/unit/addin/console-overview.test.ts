// The overview's figures, computed in the browser from list endpoints: reports per day (zero-filled,
// UTC days), nearest-rank percentiles, and retraction outcomes counting only real retractions.
import { describe, expect, it } from 'vitest';
import {
  openCampaigns,
  percentile,
  reportsPerDay,
  retractionStats,
} from '../../../addin/src/console/pages/overview/overview-stats.js';
import { retraction } from './fixtures.js';

describe('overview figures', () => {
  it('count reports per UTC day over the window, days without reports included', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const days = reportsPerDay(
      [
        { reportedAt: '2026-11-20T01:00:00Z' },
        { reportedAt: '2026-11-20T23:00:00Z' },
        { reportedAt: '2026-11-18T10:00:00Z' },
        { reportedAt: '2026-10-01T10:00:00Z' },
      ],
      3,
      now,
    );
    expect(days).toEqual([
      { day: '2026-11-18', count: 1 },
      { day: '2026-11-19', count: 0 },
      { day: '2026-11-20', count: 2 },
    ]);
  });

  it('take nearest-rank percentiles', () => {
    const values = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });

  it('measure retractions: outcomes, success rates and time to retract, plans and undos left out', () => {
    const done = (seconds: number, extra = {}) =>
      retraction('completed', 10, 10, {
        createdAt: '2026-11-20T09:00:00Z',
        completedAt: new Date(Date.parse('2026-11-20T09:00:00Z') + seconds * 1000).toISOString(),
        ...extra,
      });
    const stats = retractionStats([
      done(30),
      done(90),
      done(600),
      retraction('completedWithErrors', 10, 10, {
        createdAt: '2026-11-20T09:00:00Z',
        completedAt: '2026-11-20T09:02:00Z',
        counts: { total: 10, pending: 0, done: 8, alreadyInTarget: 0, notFound: 0, failed: 2, skipped: 0 },
      }),
      retraction('failed', 0, 10),
      retraction('running', 5, 10),
      done(1, { dryRun: true }),
      done(1, { kind: 'undo' }),
    ]);
    expect(stats.total).toBe(6);
    expect(stats.byStatus).toMatchObject({ completed: 3, completedWithErrors: 1, failed: 1, running: 1 });
    expect(stats.successRate).toBeCloseTo(3 / 5);
    expect(stats.mailboxSuccessRate).toBeCloseTo(38 / 40);
    expect(stats.timed).toBe(4);
    expect(stats.p50).toBe(90);
    expect(stats.p95).toBe(600);
  });

  it('count open campaigns by triage state', () => {
    const campaign = (status: 'new' | 'inReview' | 'resolved', disposition: 'MALICIOUS' | null = null) =>
      ({ status, disposition }) as Parameters<typeof openCampaigns>[0][number];
    expect(openCampaigns([campaign('new'), campaign('inReview', 'MALICIOUS'), campaign('resolved')])).toEqual(
      {
        total: 2,
        new: 1,
        inReview: 1,
        undecided: 1,
      },
    );
  });
});
