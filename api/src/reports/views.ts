// Rows as the API shows them. Reporters see their own reports and outcomes; analysts also see
// assignment, enrichment, evidence facts, notes and what the jobs did.
import type {
  CampaignSummary,
  Disposition,
  Enrichment,
  ReportCategory,
  ReportSummary,
  TriageStatus,
} from '@clawback/shared';
import type { CampaignRow } from './campaign-repository.js';
import type { NoteRow } from './notes-repository.js';
import type { EvidenceRow, ReportRow } from './report-repository.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function reportSummary(row: ReportRow, analyst: boolean): ReportSummary {
  return {
    id: row.id,
    reportedAt: row.reportedAt.toISOString(),
    category: row.category as ReportCategory,
    status: row.status as TriageStatus,
    disposition: row.disposition as Disposition | null,
    verdictAt: iso(row.verdictAt),
    subject: row.subject,
    sender: row.sender,
    reporter: { oid: row.reporterId, upn: row.reporterUpn },
    campaignId: row.campaignId,
    ...(analyst ? { assignee: row.assignee } : {}),
  };
}

export function reportDetail(
  row: ReportRow,
  extra:
    | { analyst: false }
    | { analyst: true; notes: NoteRow[]; evidence: Pick<EvidenceRow, 'source' | 'sha256' | 'size'> | null },
) {
  const base = {
    ...reportSummary(row, extra.analyst),
    internetMessageId: row.internetMessageId,
    comment: row.comment,
    options: row.options,
  };
  if (!extra.analyst) return base;
  return {
    ...base,
    verdictBy: row.verdictBy,
    enrichment: row.enrichment as unknown as Enrichment,
    evidence: extra.evidence
      ? {
          source: extra.evidence.source as 'client' | 'graph',
          sha256: extra.evidence.sha256,
          size: extra.evidence.size,
        }
      : null,
    notes: extra.notes.map(note),
    sideEffects: {
      forwardedAt: iso(row.forwardedAt),
      reporterCopyMovedAt: iso(row.reporterCopyMovedAt),
      receiptNotifiedAt: iso(row.receiptNotifiedAt),
      outcomeNotifiedAt: iso(row.outcomeNotifiedAt),
    },
  };
}

export function note(row: NoteRow) {
  return {
    id: row.id,
    author: row.authorName ?? row.authorId,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
  };
}

export function campaignSummary(row: CampaignRow): CampaignSummary {
  return {
    id: row.id,
    subject: row.subject,
    sender: row.sender,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    reportCount: row.reportCount,
    reporterCount: row.reporterCount,
    estimatedRecipients: row.estimatedRecipients,
    status: row.status as TriageStatus,
    assignee: row.assignee,
    disposition: row.disposition as Disposition | null,
    verdictAt: iso(row.verdictAt),
  };
}

export function campaignDetail(
  row: CampaignRow,
  extra: { internetMessageIds: string[]; reports: ReportRow[]; notes: NoteRow[] },
) {
  return {
    ...campaignSummary(row),
    internetMessageIds: extra.internetMessageIds,
    verdictBy: row.verdictBy,
    verdictSource: row.verdictSource as 'analyst' | 'threshold' | null,
    reporters: extra.reports.map((r) => ({
      reportId: r.id,
      oid: r.reporterId,
      upn: r.reporterUpn,
      category: r.category as ReportCategory,
      reportedAt: r.reportedAt.toISOString(),
    })),
    enrichment: (extra.reports[0]?.enrichment as unknown as Enrichment | undefined) ?? null,
    notes: extra.notes.map(note),
  };
}
