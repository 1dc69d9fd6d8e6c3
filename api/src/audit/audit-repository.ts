// Storage of the audit chain. Appends lock the tenant's chain head first, so concurrent writers —
// in this process or another — extend one unbroken chain.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { auditChainHeads, auditEvents } from '../db/schema/index.js';
import { canonicalJson } from './canonical.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';
export type ActorType = 'user' | 'app' | 'system' | 'anonymous';

export interface AuditInput {
  tenantId: string;
  actorType: ActorType;
  actorId?: string | null;
  actorName?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
  requestId?: string | null;
  ip?: string | null;
}

export type AuditRow = typeof auditEvents.$inferSelect;

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of a row: its content and the previous row's hash. */
export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const { prevHash, ...content } = row;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...content, occurredAt: content.occurredAt.toISOString() }))
    .digest('hex');
}

/**
 * The tenant's chain head, created at genesis if need be and locked until the transaction ends:
 * one statement, as the "update" of an existing head changes nothing but takes its row lock (and,
 * when another writer holds it, answers the head that writer committed).
 */
async function lockHead(executor: Executor, tenantId: string): Promise<{ seq: number; hash: string }> {
  const [head] = await executor
    .insert(auditChainHeads)
    .values({ tenantId, seq: 0, hash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditChainHeads.tenantId, set: { seq: sql`${auditChainHeads.seq}` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  return head!;
}

export function createAuditRepository(db: Database) {
  return {
    /** Appends events in order to the tenant's chain, in one transaction. */
    async append(events: AuditInput[], tx?: Executor): Promise<AuditRow[]> {
      if (events.length === 0) return [];
      const tenantIds = new Set(events.map((e) => e.tenantId));
      if (tenantIds.size !== 1) throw new Error('one append covers one tenant');
      const tenantId = events[0]!.tenantId;
      const write = async (executor: Executor) => {
        const head = await lockHead(executor, tenantId);
        let seq = head.seq;
        let prevHash = head.hash;
        const rows: AuditRow[] = [];
        for (const event of events) {
          seq += 1;
          const row = {
            tenantId,
            seq,
            occurredAt: new Date(),
            actorType: event.actorType,
            actorId: event.actorId ?? null,
            actorName: event.actorName ?? null,
            action: event.action,
            targetType: event.targetType ?? null,
            targetId: event.targetId ?? null,
            outcome: event.outcome,
            details: event.details ?? {},
            requestId: event.requestId ?? null,
            ip: event.ip ?? null,
            prevHash,
          };
          const hash = rowHash(row);
          rows.push({ ...row, hash });
          prevHash = hash;
        }
        await executor.insert(auditEvents).values(rows);
        await executor
          .update(auditChainHeads)
          .set({ seq, hash: prevHash })
          .where(eq(auditChainHeads.tenantId, tenantId));
        return rows;
      };
      return tx ? write(tx) : db.transaction((transaction) => write(transaction));
    },

    async list(
      tenantId: string,
      filter: {
        action?: string;
        actorId?: string;
        targetId?: string;
        since?: Date;
        until?: Date;
        before?: number;
      },
      limit: number,
    ): Promise<AuditRow[]> {
      const conditions: SQL[] = [eq(auditEvents.tenantId, tenantId)];
      if (filter.action)
        conditions.push(
          filter.action.endsWith('.*')
            ? sql`${auditEvents.action} like ${filter.action.slice(0, -1) + '%'}`
            : eq(auditEvents.action, filter.action),
        );
      if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
      if (filter.targetId) conditions.push(eq(auditEvents.targetId, filter.targetId));
      if (filter.since) conditions.push(gte(auditEvents.occurredAt, filter.since));
      if (filter.until) conditions.push(lte(auditEvents.occurredAt, filter.until));
      if (filter.before) conditions.push(lt(auditEvents.seq, filter.before));
      return db
        .select()
        .from(auditEvents)
        .where(and(...conditions))
        .orderBy(desc(auditEvents.seq))
        .limit(limit);
    },

    async head(tenantId: string) {
      const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.tenantId, tenantId));
      return head ?? null;
    },

    /** Rows in chain order after `afterSeq`, for verification in pages. */
    async page(tenantId: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, tenantId), gt(auditEvents.seq, afterSeq)))
        .orderBy(asc(auditEvents.seq))
        .limit(limit);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
