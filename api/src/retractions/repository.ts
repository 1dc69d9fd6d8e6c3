// Storage of retractions and their per-mailbox state machines. Transitions are conditional updates
// (WHERE status IN ...), so concurrent workers and API processes never move a row backwards.
import { and, asc, desc, eq, gt, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { retractionEvidence, retractionMailboxes, retractions } from '../db/schema/index.js';

export type RetractionRow = typeof retractions.$inferSelect;
export type NewRetraction = typeof retractions.$inferInsert;
export type MailboxRow = typeof retractionMailboxes.$inferSelect;
export type NewMailboxRow = Omit<typeof retractionMailboxes.$inferInsert, 'updatedAt'>;

export const ACTIVE_STATUSES = ['planning', 'awaitingApproval', 'running'] as const;
export const OPEN_MAILBOX_STATES = ['planned', 'pending', 'acting'] as const;

export interface StateCounts {
  [state: string]: number;
}

/** The rows of these mailboxes in one retraction. */
function mailboxesOf(retractionId: string, mailboxIds: string[]) {
  return and(
    eq(retractionMailboxes.retractionId, retractionId),
    inArray(retractionMailboxes.mailboxId, mailboxIds),
  );
}

export function createRetractionRepository(db: Database) {
  return {
    /** Runs `work` in one transaction: several writes that must land together or not at all. */
    transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
      return db.transaction(work);
    },

    /** Inserts unless the idempotency key or the one-live-retraction-per-message rule says otherwise. */
    async insert(row: NewRetraction, tx?: Executor): Promise<{ row: RetractionRow; created: boolean }> {
      const inserted = await (tx ?? db).insert(retractions).values(row).onConflictDoNothing().returning();
      if (inserted[0]) return { row: inserted[0], created: true };
      const existing =
        (row.idempotencyKey ? await this.byIdempotencyKey(row.tenantId, row.idempotencyKey, tx) : null) ??
        (await this.activeFor(row.tenantId, row.internetMessageId, row.kind, tx));
      if (!existing) throw new Error('retraction insert conflicted but no conflicting row was found');
      return { row: existing, created: false };
    },

    async byIdempotencyKey(tenantId: string, key: string, tx?: Executor): Promise<RetractionRow | null> {
      const [row] = await (tx ?? db)
        .select()
        .from(retractions)
        .where(and(eq(retractions.tenantId, tenantId), eq(retractions.idempotencyKey, key)));
      return row ?? null;
    },

    async activeFor(
      tenantId: string,
      internetMessageId: string,
      kind: 'retract' | 'undo',
      tx?: Executor,
    ): Promise<RetractionRow | null> {
      const [row] = await (tx ?? db)
        .select()
        .from(retractions)
        .where(
          and(
            eq(retractions.tenantId, tenantId),
            eq(retractions.internetMessageId, internetMessageId),
            eq(retractions.kind, kind),
            eq(retractions.dryRun, false),
            inArray(retractions.status, [...ACTIVE_STATUSES]),
          ),
        );
      return row ?? null;
    },

    async get(tenantId: string, id: string): Promise<RetractionRow | null> {
      const [row] = await db
        .select()
        .from(retractions)
        .where(and(eq(retractions.tenantId, tenantId), eq(retractions.id, id)));
      return row ?? null;
    },

    async byId(id: string): Promise<RetractionRow | null> {
      const [row] = await db.select().from(retractions).where(eq(retractions.id, id));
      return row ?? null;
    },

    async list(
      tenantId: string,
      filter: { status?: string; internetMessageId?: string; before?: Date },
      limit: number,
    ) {
      const conditions = [eq(retractions.tenantId, tenantId)];
      if (filter.status) conditions.push(eq(retractions.status, filter.status));
      if (filter.internetMessageId)
        conditions.push(eq(retractions.internetMessageId, filter.internetMessageId));
      if (filter.before) conditions.push(lt(retractions.createdAt, filter.before));
      return db
        .select()
        .from(retractions)
        .where(and(...conditions))
        .orderBy(desc(retractions.createdAt))
        .limit(limit);
    },

    /** Moves a retraction from one of `from` to a new status; null when it was not in `from`. */
    async transition(
      id: string,
      from: readonly string[],
      change: Partial<NewRetraction>,
      tx?: Executor,
    ): Promise<RetractionRow | null> {
      const [row] = await (tx ?? db)
        .update(retractions)
        .set(change)
        .where(and(eq(retractions.id, id), inArray(retractions.status, [...from])))
        .returning();
      return row ?? null;
    },

    async update(id: string, change: Partial<NewRetraction>, tx?: Executor): Promise<void> {
      await (tx ?? db).update(retractions).set(change).where(eq(retractions.id, id));
    },

    async insertMailboxes(rows: NewMailboxRow[], tx?: Executor): Promise<void> {
      const now = new Date();
      for (let i = 0; i < rows.length; i += 500) {
        await (tx ?? db)
          .insert(retractionMailboxes)
          .values(rows.slice(i, i + 500).map((row) => ({ ...row, updatedAt: now })))
          .onConflictDoNothing();
      }
    },

    async mailboxes(retractionId: string, mailboxIds: string[]): Promise<MailboxRow[]> {
      if (mailboxIds.length === 0) return [];
      return db
        .select()
        .from(retractionMailboxes)
        .where(
          and(
            eq(retractionMailboxes.retractionId, retractionId),
            inArray(retractionMailboxes.mailboxId, mailboxIds),
          ),
        );
    },

    async hasMailboxesIn(retractionId: string, states: readonly string[]): Promise<boolean> {
      const [row] = await db
        .select({ id: retractionMailboxes.mailboxId })
        .from(retractionMailboxes)
        .where(
          and(
            eq(retractionMailboxes.retractionId, retractionId),
            inArray(retractionMailboxes.state, [...states]),
          ),
        )
        .limit(1);
      return !!row;
    },

    async mailboxIdsInState(retractionId: string, states: readonly string[]): Promise<string[]> {
      const rows = await db
        .select({ id: retractionMailboxes.mailboxId })
        .from(retractionMailboxes)
        .where(
          and(
            eq(retractionMailboxes.retractionId, retractionId),
            inArray(retractionMailboxes.state, [...states]),
          ),
        );
      return rows.map((r) => r.id);
    },

    /**
     * Marks rows as being acted on and returns them as they were before (to see crash leftovers).
     * A row another worker is acting on is left to it until its lease runs out: only rows still
     * pending, or acting with a lease older than `leaseSeconds` (their worker died), are taken.
     */
    async claim(retractionId: string, mailboxIds: string[], leaseSeconds: number): Promise<MailboxRow[]> {
      const leaseStart = new Date(Date.now() - leaseSeconds * 1000);
      return db.transaction(async (tx) => {
        const before = await tx
          .select()
          .from(retractionMailboxes)
          .where(
            and(
              eq(retractionMailboxes.retractionId, retractionId),
              inArray(retractionMailboxes.mailboxId, mailboxIds),
              or(
                eq(retractionMailboxes.state, 'pending'),
                and(eq(retractionMailboxes.state, 'acting'), lt(retractionMailboxes.updatedAt, leaseStart)),
              ),
            ),
          )
          .for('update');
        if (before.length)
          await tx
            .update(retractionMailboxes)
            .set({
              state: 'acting',
              attempts: sql`${retractionMailboxes.attempts} + 1`,
              updatedAt: new Date(),
            })
            .where(
              mailboxesOf(
                retractionId,
                before.map((r) => r.mailboxId),
              ),
            );
        return before;
      });
    },

    /** Extends the lease on rows a live worker is still acting on. */
    async renewLease(retractionId: string, mailboxIds: string[]): Promise<void> {
      if (mailboxIds.length === 0) return;
      await db
        .update(retractionMailboxes)
        .set({ updatedAt: new Date() })
        .where(
          and(
            eq(retractionMailboxes.retractionId, retractionId),
            inArray(retractionMailboxes.mailboxId, mailboxIds),
            eq(retractionMailboxes.state, 'acting'),
          ),
        );
    },

    /** Retractions with background work left (planning or running), created before `olderThan`. */
    async unsettled(olderThan: Date): Promise<RetractionRow[]> {
      return db
        .select()
        .from(retractions)
        .where(
          and(inArray(retractions.status, ['planning', 'running']), lt(retractions.createdAt, olderThan)),
        );
    },

    async saveMailbox(
      row: Pick<MailboxRow, 'retractionId' | 'mailboxId' | 'state' | 'reason' | 'copies' | 'events'>,
      tx?: Executor,
    ): Promise<void> {
      await (tx ?? db)
        .update(retractionMailboxes)
        .set({
          state: row.state,
          reason: row.reason,
          copies: row.copies,
          events: row.events,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(retractionMailboxes.retractionId, row.retractionId),
            eq(retractionMailboxes.mailboxId, row.mailboxId),
          ),
        );
    },

    /** Writes many mailbox outcomes in one statement (a chunk of a large retraction). */
    async saveMailboxes(
      retractionId: string,
      rows: Pick<MailboxRow, 'mailboxId' | 'state' | 'reason' | 'copies' | 'events'>[],
      tx?: Executor,
    ): Promise<void> {
      if (rows.length === 0) return;
      const values = sql.join(
        rows.map(
          (row) =>
            sql`(${row.mailboxId}, ${row.state}, ${row.reason}, ${JSON.stringify(row.copies)}::jsonb, ${JSON.stringify(row.events)}::jsonb)`,
        ),
        sql`, `,
      );
      await (tx ?? db).execute(sql`
        update retraction_mailboxes as m
        set state = v.state, reason = v.reason, copies = v.copies, events = v.events, updated_at = now()
        from (values ${values}) as v(mailbox_id, state, reason, copies, events)
        where m.retraction_id = ${retractionId} and m.mailbox_id = v.mailbox_id`);
    },

    /**
     * Takes up to `limit` done mailboxes that have not been sent their notice and that no live
     * worker is sending one to (a claim older than `leaseSeconds` is a worker that died), marking
     * them started. Answers them as they were before, so a caller sees which were started earlier.
     * `skip`: mailboxes this caller already tried and gave up on for now.
     */
    async claimNotices(
      retractionId: string,
      limit: number,
      leaseSeconds: number,
      skip: string[] = [],
    ): Promise<MailboxRow[]> {
      const leaseStart = new Date(Date.now() - leaseSeconds * 1000);
      return db.transaction(async (tx) => {
        const before = await tx
          .select()
          .from(retractionMailboxes)
          .where(
            and(
              eq(retractionMailboxes.retractionId, retractionId),
              eq(retractionMailboxes.state, 'done'),
              isNull(retractionMailboxes.notifiedAt),
              skip.length ? notInArray(retractionMailboxes.mailboxId, skip) : undefined,
              or(
                isNull(retractionMailboxes.noticeStartedAt),
                lt(retractionMailboxes.noticeStartedAt, leaseStart),
              ),
            ),
          )
          .orderBy(asc(retractionMailboxes.mailboxUpn))
          .limit(limit)
          .for('update');
        if (before.length)
          await tx
            .update(retractionMailboxes)
            .set({ noticeStartedAt: new Date() })
            .where(
              mailboxesOf(
                retractionId,
                before.map((r) => r.mailboxId),
              ),
            );
        return before;
      });
    },

    /**
     * Settles claimed notices: `sent` are done for good; `refused` were certainly not sent (free to
     * try again); `unknown` may or may not have gone out, so they are claimable at once but looked
     * for before any new send (their start is set to the epoch, long past any lease).
     */
    async settleNotices(
      retractionId: string,
      outcome: { sent: string[]; refused: string[]; unknown: string[] },
    ): Promise<void> {
      const set = async (mailboxIds: string[], change: Partial<MailboxRow>) => {
        if (mailboxIds.length === 0) return;
        await db
          .update(retractionMailboxes)
          .set(change)
          .where(
            and(
              eq(retractionMailboxes.retractionId, retractionId),
              inArray(retractionMailboxes.mailboxId, mailboxIds),
            ),
          );
      };
      await set(outcome.sent, { notifiedAt: new Date() });
      await set(outcome.refused, { noticeStartedAt: null });
      await set(outcome.unknown, { noticeStartedAt: new Date(0) });
    },

    async setStates(
      retractionId: string,
      from: readonly string[],
      state: string,
      reason: string | null,
      tx?: Executor,
    ): Promise<number> {
      const rows = await (tx ?? db)
        .update(retractionMailboxes)
        .set({ state, reason, updatedAt: new Date() })
        .where(
          and(
            eq(retractionMailboxes.retractionId, retractionId),
            inArray(retractionMailboxes.state, [...from]),
          ),
        )
        .returning({ id: retractionMailboxes.mailboxId });
      return rows.length;
    },

    async counts(retractionId: string): Promise<StateCounts> {
      const rows = await db
        .select({ state: retractionMailboxes.state, count: sql<number>`count(*)::int` })
        .from(retractionMailboxes)
        .where(eq(retractionMailboxes.retractionId, retractionId))
        .groupBy(retractionMailboxes.state);
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.count)]));
    },

    async mailboxPage(
      retractionId: string,
      filter: { state?: string; after?: string },
      limit: number,
    ): Promise<MailboxRow[]> {
      const conditions = [eq(retractionMailboxes.retractionId, retractionId)];
      if (filter.state) conditions.push(eq(retractionMailboxes.state, filter.state));
      if (filter.after) conditions.push(gt(retractionMailboxes.mailboxUpn, filter.after));
      return db
        .select()
        .from(retractionMailboxes)
        .where(and(...conditions))
        .orderBy(asc(retractionMailboxes.mailboxUpn))
        .limit(limit);
    },

    async saveEvidence(evidence: typeof retractionEvidence.$inferInsert): Promise<void> {
      await db.insert(retractionEvidence).values(evidence).onConflictDoNothing();
    },

    async hasEvidence(retractionId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: retractionEvidence.retractionId })
        .from(retractionEvidence)
        .where(eq(retractionEvidence.retractionId, retractionId));
      return !!row;
    },

    async evidence(retractionId: string) {
      const [row] = await db
        .select()
        .from(retractionEvidence)
        .where(eq(retractionEvidence.retractionId, retractionId));
      return row ?? null;
    },
  };
}

export type RetractionRepository = ReturnType<typeof createRetractionRepository>;
