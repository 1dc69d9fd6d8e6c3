// Storage of campaigns and the keys reports find them by (internetMessageId, fingerprint).
import { and, asc, desc, eq, gte, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CampaignListQuery } from '@clawback/shared';
import type { Database, Executor } from '../db/client.js';
import { campaignKeys, campaigns, messageCopies, reports } from '../db/schema/index.js';
import { cursorInstant, decodeCursor } from './cursor.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignKind = 'imid' | 'fp';

export function createCampaignRepository(db: Database) {
  const byId = (tenantId: string, id: string) => and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id));

  return {
    /** The campaigns holding a message's internetMessageId and its fingerprint, if any. */
    async find(
      tenantId: string,
      keys: { imid: string; fp: string },
      tx?: Executor,
    ): Promise<{ imid: string | null; fp: string | null }> {
      const rows = await (tx ?? db)
        .select({ kind: campaignKeys.kind, campaignId: campaignKeys.campaignId })
        .from(campaignKeys)
        .where(
          and(
            eq(campaignKeys.tenantId, tenantId),
            or(
              and(eq(campaignKeys.kind, 'imid'), eq(campaignKeys.value, keys.imid)),
              and(eq(campaignKeys.kind, 'fp'), eq(campaignKeys.value, keys.fp)),
            ),
          ),
        );
      const of = (kind: CampaignKind) => rows.find((r) => r.kind === kind)?.campaignId ?? null;
      return { imid: of('imid'), fp: of('fp') };
    },

    /** Claims a key for a campaign; false when another campaign holds it (concurrent intake). */
    async claimKey(
      tenantId: string,
      kind: CampaignKind,
      value: string,
      campaignId: string,
      tx?: Executor,
    ): Promise<boolean> {
      const rows = await (tx ?? db)
        .insert(campaignKeys)
        .values({ tenantId, kind, value, campaignId })
        .onConflictDoNothing()
        .returning({ kind: campaignKeys.kind });
      return rows.length > 0;
    },

    async insert(row: CampaignRow, tx?: Executor): Promise<void> {
      await (tx ?? db).insert(campaigns).values(row);
    },

    /** The row, locked until the transaction ends, so counters and thresholds see every report. */
    async lock(tenantId: string, id: string, tx: Executor): Promise<CampaignRow | null> {
      const [row] = await tx.select().from(campaigns).where(byId(tenantId, id)).for('update');
      return row ?? null;
    },

    async get(tenantId: string, id: string, tx?: Executor): Promise<CampaignRow | null> {
      const [row] = await (tx ?? db).select().from(campaigns).where(byId(tenantId, id));
      return row ?? null;
    },

    async update(
      tenantId: string,
      id: string,
      change: Partial<Omit<CampaignRow, 'tenantId' | 'id'>>,
      tx?: Executor,
    ): Promise<CampaignRow | null> {
      const [row] = await (tx ?? db)
        .update(campaigns)
        .set({ ...change, updatedAt: new Date() })
        .where(byId(tenantId, id))
        .returning();
      return row ?? null;
    },

    /**
     * Counts after a new report, in one statement: reports, distinct reporters, and the estimate
     * raised to what the message index and the reporters show. Run with the row locked.
     */
    async recount(
      tenantId: string,
      id: string,
      change: { internetMessageId: string; at: Date },
      tx: Executor,
    ): Promise<CampaignRow> {
      const reporterCount = sql<number>`(select count(distinct ${reports.reporterId})::int from ${reports}
        where ${reports.tenantId} = ${tenantId} and ${reports.campaignId} = ${id})`;
      const indexed = sql<number>`(select count(*)::int from ${messageCopies}
        where ${messageCopies.tenantId} = ${tenantId}
          and ${messageCopies.internetMessageId} = ${change.internetMessageId}
          and ${messageCopies.removedAt} is null)`;
      const [row] = await tx
        .update(campaigns)
        .set({
          reportCount: sql`${campaigns.reportCount} + 1`,
          reporterCount,
          estimatedRecipients: sql`greatest(${campaigns.estimatedRecipients}, ${indexed}, ${reporterCount})`,
          lastSeen: change.at,
          updatedAt: change.at,
        })
        .where(byId(tenantId, id))
        .returning();
      return row!;
    },

    async raiseEstimate(tenantId: string, id: string, mailboxes: number): Promise<void> {
      await db
        .update(campaigns)
        .set({ estimatedRecipients: sql`greatest(${campaigns.estimatedRecipients}, ${mailboxes})` })
        .where(byId(tenantId, id));
    },

    async internetMessageIds(tenantId: string, id: string): Promise<string[]> {
      const rows = await db
        .select({ value: campaignKeys.value })
        .from(campaignKeys)
        .where(
          and(
            eq(campaignKeys.tenantId, tenantId),
            eq(campaignKeys.campaignId, id),
            eq(campaignKeys.kind, 'imid'),
          ),
        )
        .orderBy(asc(campaignKeys.value));
      return rows.map((r) => r.value);
    },

    async list(
      tenantId: string,
      query: Omit<CampaignListQuery, 'limit'>,
      limit: number,
    ): Promise<CampaignRow[]> {
      const conditions: SQL[] = [eq(campaigns.tenantId, tenantId)];
      if (query.status) conditions.push(eq(campaigns.status, query.status));
      if (query.disposition === 'none') conditions.push(isNull(campaigns.disposition));
      else if (query.disposition) conditions.push(eq(campaigns.disposition, query.disposition));
      if (query.assignee) conditions.push(eq(campaigns.assignee, query.assignee.toLowerCase()));
      if (query.since) conditions.push(gte(campaigns.lastSeen, new Date(query.since)));
      const { column, ascending } = SORTS[query.sort];
      if (query.cursor) {
        const { value, id } = decodeCursor(query.cursor);
        const after = column === campaigns.reporterCount ? Number(value) : cursorInstant(value);
        conditions.push(
          ascending
            ? sql`(${column}, ${campaigns.id}) > (${after}, ${id})`
            : sql`(${column}, ${campaigns.id}) < (${after}, ${id})`,
        );
      }
      return db
        .select()
        .from(campaigns)
        .where(and(...conditions))
        .orderBy(...(ascending ? [asc(column), asc(campaigns.id)] : [desc(column), desc(campaigns.id)]))
        .limit(limit);
    },
  };
}

const SORTS = {
  '-lastSeen': { column: campaigns.lastSeen, ascending: false },
  lastSeen: { column: campaigns.lastSeen, ascending: true },
  '-reporterCount': { column: campaigns.reporterCount, ascending: false },
} as const;

export type CampaignRepository = ReturnType<typeof createCampaignRepository>;
