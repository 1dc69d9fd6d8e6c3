// What the onboarding dashboard shows while the directory syncs (seed 001): per phase its counts,
// times, rate, ETA and last error; overall whether the directory is synced and as of when; per domain
// its onboarding state (discovered → authorized → published → syncing → synced) and what it holds.
import {
  SYNC_PHASES,
  type DirectoryStatus,
  type DomainState,
  type DomainSummary,
  type SyncPhaseView,
} from '@clawback/shared';
import type { SyncResource } from '../db/schema/index.js';
import type { DomainCounts } from './directory-counts.js';
import type { DomainRow } from './domain-repository.js';
import { emptyState, type SyncStateRow } from './sync-state-repository.js';

export interface Overall {
  state: DirectoryStatus['state'];
  lastSyncedAt: Date | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function overallOf(rows: SyncStateRow[]): Overall {
  const byPhase = SYNC_PHASES.map((phase) => rows.find((row) => row.resource === phase));
  const successes = byPhase.map((row) => row?.lastSuccessAt ?? null);
  // Everything has been synced at least as recently as the oldest phase's last success.
  const lastSyncedAt = successes.every(Boolean)
    ? new Date(Math.min(...successes.map((date) => date!.getTime())))
    : null;
  if (byPhase.some((row) => row?.status === 'running')) return { state: 'syncing', lastSyncedAt };
  if (byPhase.some((row) => row?.status === 'failed')) return { state: 'failed', lastSyncedAt };
  return { state: lastSyncedAt ? 'synced' : 'neverSynced', lastSyncedAt };
}

export function phaseView(row: SyncStateRow, stored: number): SyncPhaseView {
  const rate = row.ratePerSecond && row.ratePerSecond > 0 ? row.ratePerSecond : null;
  const eta =
    row.status === 'running' && row.mode === 'initial' && row.expected !== null && rate
      ? Math.max(0, Math.round((row.expected - row.processed) / rate))
      : row.status === 'completed'
        ? 0
        : null;
  return {
    phase: row.resource,
    status: row.status,
    mode: row.mode,
    processed: row.processed,
    expected: row.expected,
    stored,
    pages: row.pages,
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    ratePerSecond: rate === null ? null : Math.round(rate * 10) / 10,
    etaSeconds: eta,
    lastSuccessAt: iso(row.lastSuccessAt),
    lastError: row.lastError,
    lastErrorAt: iso(row.lastErrorAt),
    resumable: row.nextLink !== null,
  };
}

export function phaseViews(
  tenantId: string,
  rows: SyncStateRow[],
  stored: Record<SyncResource, number>,
): SyncPhaseView[] {
  return SYNC_PHASES.map((phase) =>
    phaseView(rows.find((row) => row.resource === phase) ?? emptyState(tenantId, phase), stored[phase]),
  );
}

export function domainState(domain: DomainRow, overall: Overall, authorized: boolean): DomainState {
  if (!domain.publishedAt) return authorized ? 'authorized' : 'discovered';
  if (overall.state === 'syncing') return 'syncing';
  if (overall.state === 'synced' && overall.lastSyncedAt && overall.lastSyncedAt >= domain.publishedAt)
    return 'synced';
  return 'published';
}

export function domainSummary(
  domain: DomainRow,
  state: DomainState,
  counts: DomainCounts | undefined,
): DomainSummary {
  return {
    name: domain.name,
    isDefault: domain.isDefault,
    isInitial: domain.isInitial,
    isVerified: domain.isVerified,
    state,
    published: domain.publishedAt !== null,
    publishedAt: iso(domain.publishedAt),
    publishedBy: domain.publishedByName ?? domain.publishedBy,
    users: counts?.users ?? 0,
    mailboxes: counts?.mailboxes ?? 0,
    groups: counts?.groups ?? 0,
  };
}
