// Storage of reports and their evidence. Small closures over the database; every call takes an
// optional transaction and answers null for "not found".
import { and, asc, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ReportListQuery } from '@clawback/shared';
import type { Database, Executor } from '../db/client.js';
import { reportEvidence, reports } from '../db/schema/index.js';
import { cursorInstant, decodeCursor } from './cursor.js';

export type ReportRow = typeof reports.$inferSelect;
export type EvidenceRow = typeof reportEvidence.$inferSelect;
export type SideEffect = 'forwardedAt' | 'reporterCopyMovedAt' | 'receiptNotifiedAt' | 'outcomeNotifiedAt';

export interface ReportFilter extends Omit<ReportListQuery, 'mine' | 'limit' | 'reporter'> {
  reporterId?: string;
  reporterUpn?: string;
}

export function createReportRepository(db: Database) {
  const byId = (tenantId: string, id: string) => and(eq(reports.tenantId, tenantId), eq(reports.id, id));

  return {
    /** Inserts the rows, skipping any whose person already reported that message; answers the ids inserted. */
    async insertMany(rows: ReportRow[], tx?: Executor): Promise<Set<string>> {
      if (rows.length === 0) return new Set();
      const inserted = await (tx ?? db)
        .insert(reports)
        .values(rows)
        .onConflictDoNothing()
        .returning({ id: reports.id });
      return new Set(inserted.map((r) => r.id));
    },

    async insertEvidenceMany(rows: EvidenceRow[], tx?: Executor): Promise<void> {
      if (rows.length) await (tx ?? db).insert(reportEvidence).values(rows);
    },

    async get(tenantId: string, id: string, tx?: Executor): Promise<ReportRow | null> {
      const [row] = await (tx ?? db).select().from(reports).where(byId(tenantId, id));
      return row ?? null;
    },

    /** Reports these people already made of these messages (a repeat click finds its report). */
    async findByReporterMessages(
      tenantId: string,
      keys: { reporterId: string; internetMessageId: string }[],
      tx?: Executor,
    ): Promise<ReportRow[]> {
      if (keys.length === 0) return [];
      return (tx ?? db)
        .select()
        .from(reports)
        .where(
          and(
            eq(reports.tenantId, tenantId),
            or(
              ...keys.map((k) =>
                and(eq(reports.reporterId, k.reporterId), eq(reports.internetMessageId, k.internetMessageId)),
              ),
            ),
          ),
        );
    },

    async evidence(tenantId: string, reportId: string): Promise<EvidenceRow | null> {
      const [row] = await db
        .select()
        .from(reportEvidence)
        .where(and(eq(reportEvidence.tenantId, tenantId), eq(reportEvidence.reportId, reportId)));
      return row ?? null;
    },

    async evidenceFacts(tenantId: string, reportId: string) {
      const [row] = await db
        .select({ source: reportEvidence.source, sha256: reportEvidence.sha256, size: reportEvidence.size })
        .from(reportEvidence)
        .where(and(eq(reportEvidence.tenantId, tenantId), eq(reportEvidence.reportId, reportId)));
      return row ?? null;
    },

    async list(tenantId: string, filter: ReportFilter, limit: number): Promise<ReportRow[]> {
      const ascending = filter.sort === 'reportedAt';
      const conditions: SQL[] = [eq(reports.tenantId, tenantId)];
      if (filter.reporterId) conditions.push(eq(reports.reporterId, filter.reporterId));
      if (filter.reporterUpn) conditions.push(eq(reports.reporterUpn, filter.reporterUpn.toLowerCase()));
      if (filter.status) conditions.push(eq(reports.status, filter.status));
      if (filter.category) conditions.push(eq(reports.category, filter.category));
      if (filter.disposition === 'none') conditions.push(isNull(reports.disposition));
      else if (filter.disposition) conditions.push(eq(reports.disposition, filter.disposition));
      if (filter.campaignId) conditions.push(eq(reports.campaignId, filter.campaignId));
      if (filter.assignee) conditions.push(eq(reports.assignee, filter.assignee.toLowerCase()));
      if (filter.since) conditions.push(gte(reports.reportedAt, new Date(filter.since)));
      if (filter.until) conditions.push(lte(reports.reportedAt, new Date(filter.until)));
      if (filter.cursor) {
        const { value, id } = decodeCursor(filter.cursor);
        const after = cursorInstant(value);
        conditions.push(
          ascending
            ? sql`(${reports.reportedAt}, ${reports.id}) > (${after}, ${id})`
            : sql`(${reports.reportedAt}, ${reports.id}) < (${after}, ${id})`,
        );
      }
      const order = ascending
        ? [asc(reports.reportedAt), asc(reports.id)]
        : [desc(reports.reportedAt), desc(reports.id)];
      return db
        .select()
        .from(reports)
        .where(and(...conditions))
        .orderBy(...order)
        .limit(limit);
    },

    async ofCampaign(
      tenantId: string,
      campaignId: string,
      limit: number,
      tx?: Executor,
    ): Promise<ReportRow[]> {
      return (tx ?? db)
        .select()
        .from(reports)
        .where(and(eq(reports.tenantId, tenantId), eq(reports.campaignId, campaignId)))
        .orderBy(asc(reports.reportedAt), asc(reports.id))
        .limit(limit);
    },

    async update(
      tenantId: string,
      id: string,
      change: Partial<Pick<ReportRow, 'status' | 'assignee' | 'disposition' | 'verdictAt' | 'verdictBy'>>,
      tx?: Executor,
    ): Promise<ReportRow | null> {
      const [row] = await (tx ?? db)
        .update(reports)
        .set({ ...change, updatedAt: new Date() })
        .where(byId(tenantId, id))
        .returning();
      return row ?? null;
    },

    /** A campaign's verdict becomes each of its reports' outcome; answers the reports' ids. */
    async setCampaignOutcome(
      tenantId: string,
      campaignId: string,
      verdict: { disposition: string; verdictAt: Date; verdictBy: string | null; status?: string },
      tx?: Executor,
    ): Promise<string[]> {
      const rows = await (tx ?? db)
        .update(reports)
        .set({ ...verdict, updatedAt: new Date() })
        .where(and(eq(reports.tenantId, tenantId), eq(reports.campaignId, campaignId)))
        .returning({ id: reports.id });
      return rows.map((r) => r.id);
    },

    async markDone(
      tenantId: string,
      id: string,
      effect: SideEffect,
      extra: Partial<Pick<ReportRow, 'outcomeNotified'>> = {},
    ): Promise<void> {
      await db
        .update(reports)
        .set({ [effect]: new Date(), ...extra })
        .where(byId(tenantId, id));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
