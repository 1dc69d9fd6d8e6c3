// Storage of campaigns and the keys reports find them by (internetMessageId, fingerprint).
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CampaignListQuery } from '@clawback/shared';
import type { Database, Executor } from '../db/client.js';
import { campaignKeys, campaigns, messageCopies, reports } from '../db/schema/index.js';
import { cursorInstant, decodeCursor } from './cursor.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignKind = 'imid' | 'fp';

export function createCampaignRepository(db: Database) {
  const byId = (tenantId: string, id: string) => and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, id));

  return {
    /**
     * The campaigns holding these keys, locked until the transaction ends (in id order, so
     * concurrent writers wait rather than deadlock), and which key each holds (`kind:value` → id).
     */
    async findAndLock(
      tenantId: string,
      keys: { imids: string[]; fps: string[] },
      tx: Executor,
    ): Promise<{ keys: Map<string, string>; campaigns: Map<string, CampaignRow> }> {
      const wanted = [
        ...(keys.imids.length
          ? [and(eq(campaignKeys.kind, 'imid'), inArray(campaignKeys.value, unique(keys.imids)))!]
          : []),
        ...(keys.fps.length
          ? [and(eq(campaignKeys.kind, 'fp'), inArray(campaignKeys.value, unique(keys.fps)))!]
          : []),
      ];
      if (wanted.length === 0) return { keys: new Map(), campaigns: new Map() };
      const rows = await tx
        .select({ kind: campaignKeys.kind, value: campaignKeys.value, campaign: campaigns })
        .from(campaignKeys)
        .innerJoin(
          campaigns,
          and(eq(campaigns.tenantId, campaignKeys.tenantId), eq(campaigns.id, campaignKeys.campaignId)),
        )
        .where(and(eq(campaignKeys.tenantId, tenantId), or(...wanted)))
        .orderBy(asc(campaigns.id))
        .for('update', { of: campaigns });
      return {
        keys: new Map(rows.map((r) => [keyOf(r.kind as CampaignKind, r.value), r.campaign.id])),
        campaigns: new Map(rows.map((r) => [r.campaign.id, r.campaign])),
      };
    },

    /**
     * Claims keys for campaigns, in a fixed order (so concurrent writers wait rather than
     * deadlock); answers the `kind:value` of those claimed: the others another campaign holds.
     */
    async claimKeys(
      tenantId: string,
      claims: { kind: CampaignKind; value: string; campaignId: string }[],
      tx?: Executor,
    ): Promise<Set<string>> {
      if (claims.length === 0) return new Set();
      const ordered = [...claims].sort((a, b) => compare(keyOf(a.kind, a.value), keyOf(b.kind, b.value)));
      const rows = await (tx ?? db)
        .insert(campaignKeys)
        .values(ordered.map((c) => ({ tenantId, ...c })))
        .onConflictDoNothing()
        .returning({ kind: campaignKeys.kind, value: campaignKeys.value });
      return new Set(rows.map((r) => keyOf(r.kind as CampaignKind, r.value)));
    },

    async insertMany(rows: CampaignRow[], tx?: Executor): Promise<void> {
      if (rows.length) await (tx ?? db).insert(campaigns).values(rows);
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
     * Counts after new reports, for all their campaigns at once: reports, distinct reporters, and
     * the estimate raised to what the message index shows for any of the new reports' messages and
     * to the reporters. Run with the rows locked (findAndLock), so the counts, read after the lock,
     * include every committed report. Three plain statements rather than one clever one: PGlite
     * keeps no planner statistics, and these plan well without them.
     */
    async recountMany(
      tenantId: string,
      changes: { id: string; added: number; internetMessageIds: string[] }[],
      at: Date,
      tx: Executor,
    ): Promise<Map<string, CampaignRow>> {
      if (changes.length === 0) return new Map();
      const reporters = await tx
        .select({ id: reports.campaignId, n: sql<number>`count(distinct ${reports.reporterId})::int` })
        .from(reports)
        .where(
          and(
            eq(reports.tenantId, tenantId),
            inArray(
              reports.campaignId,
              changes.map((c) => c.id),
            ),
          ),
        )
        .groupBy(reports.campaignId);
      const indexed = await tx
        .select({ imid: messageCopies.internetMessageId, n: sql<number>`count(*)::int` })
        .from(messageCopies)
        .where(
          and(
            eq(messageCopies.tenantId, tenantId),
            inArray(messageCopies.internetMessageId, unique(changes.flatMap((c) => c.internetMessageIds))),
            isNull(messageCopies.removedAt),
          ),
        )
        .groupBy(messageCopies.internetMessageId);
      const reportersOf = new Map(reporters.map((r) => [r.id, Number(r.n)]));
      const copiesOf = new Map(indexed.map((r) => [r.imid, Number(r.n)]));
      const counts = sql.join(
        changes.map((c) => {
          const copies = Math.max(0, ...c.internetMessageIds.map((imid) => copiesOf.get(imid) ?? 0));
          return sql`(${c.id}::uuid, ${c.added}::int, ${reportersOf.get(c.id) ?? 0}::int, ${copies}::int)`;
        }),
        sql`, `,
      );
      const rows = await tx
        .update(campaigns)
        .set({
          reportCount: sql`${campaigns.reportCount} + counted.added`,
          reporterCount: sql`counted.reporters`,
          estimatedRecipients: sql`greatest(${campaigns.estimatedRecipients}, counted.copies, counted.reporters)`,
          lastSeen: at,
          updatedAt: at,
        })
        .from(sql`(values ${counts}) as counted(id, added, reporters, copies)`)
        .where(and(eq(campaigns.tenantId, tenantId), sql`${campaigns.id} = counted.id`))
        .returning(getTableColumns(campaigns));
      return new Map(rows.map((r) => [r.id, r]));
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

export const keyOf = (kind: CampaignKind, value: string) => `${kind}:${value}`;

const unique = (values: string[]) => [...new Set(values)];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
