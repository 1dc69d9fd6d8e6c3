// The overview's figures, computed in the browser from the list endpoints (the API has no
// statistics endpoint): reports per day, open campaigns, retraction outcomes and success rate,
// and how long retractions took from request to the last mailbox (p50/p95).
import type { CampaignSummary, ReportSummary, Retraction, RetractionStatus } from '@clawback/shared';

export interface DayCount {
  /** yyyy-mm-dd, UTC. */
  day: string;
  count: number;
}

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** One entry per day of the last `days` days (today included), zero-filled. */
export function reportsPerDay(
  reports: Pick<ReportSummary, 'reportedAt'>[],
  days: number,
  now: Date,
): DayCount[] {
  const counts = new Map<string, number>();
  for (let i = days - 1; i >= 0; i--) counts.set(dayOf(new Date(now.getTime() - i * DAY_MS)), 0);
  for (const report of reports) {
    const day = report.reportedAt.slice(0, 10);
    if (counts.has(day)) counts.set(day, counts.get(day)! + 1);
  }
  return [...counts].map(([day, count]) => ({ day, count }));
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; null without values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface RetractionStats {
  /** Real retractions (no plans, no undos) by status. */
  byStatus: Record<RetractionStatus, number>;
  total: number;
  /** Finished retractions that reached every mailbox without a failure, of those that finished. */
  successRate: number | null;
  /** Mailboxes retracted (or already clean) of the mailboxes retractions aimed at. */
  mailboxSuccessRate: number | null;
  /** Seconds from request to completion. */
  p50: number | null;
  p95: number | null;
  timed: number;
}

export function retractionStats(retractions: readonly Retraction[]): RetractionStats {
  const real = retractions.filter((r) => r.kind === 'retract' && !r.dryRun);
  const byStatus = {
    planning: 0,
    awaitingApproval: 0,
    running: 0,
    completed: 0,
    completedWithErrors: 0,
    failed: 0,
    cancelled: 0,
  } satisfies Record<RetractionStatus, number>;
  for (const r of real) byStatus[r.status]++;
  const finished = byStatus.completed + byStatus.completedWithErrors + byStatus.failed;
  let aimed = 0;
  let reached = 0;
  for (const r of real.filter((x) => x.status === 'completed' || x.status === 'completedWithErrors')) {
    aimed += r.counts.total - r.counts.skipped;
    reached += r.counts.done + r.counts.notFound;
  }
  const durations = real
    .filter((r) => (r.status === 'completed' || r.status === 'completedWithErrors') && r.completedAt)
    .map((r) => (Date.parse(r.completedAt!) - Date.parse(r.createdAt)) / 1000)
    .filter((s) => Number.isFinite(s) && s >= 0);
  return {
    byStatus,
    total: real.length,
    successRate: finished ? byStatus.completed / finished : null,
    mailboxSuccessRate: aimed ? reached / aimed : null,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    timed: durations.length,
  };
}

export function openCampaigns(campaigns: readonly CampaignSummary[]) {
  const open = campaigns.filter((c) => c.status !== 'resolved');
  return {
    total: open.length,
    new: open.filter((c) => c.status === 'new').length,
    inReview: open.filter((c) => c.status === 'inReview').length,
    undecided: open.filter((c) => c.disposition === null).length,
  };
}
