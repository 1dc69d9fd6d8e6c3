// The retraction's background steps, each a pg-boss job: plan (search every candidate mailbox),
// execute (one chunk of mailboxes), rescan (late copies while armed); notices to recipients run as
// a job of their own (notifier.ts) once a retraction completes. Every step is idempotent: a job
// retried after a crash picks up where the state in the database says it is.
import { createHash } from 'node:crypto';
import type { AutoRetractionPolicy, RetractionAction } from '@clawback/shared';
import type { AuditInput } from '../audit/audit-repository.js';
import type { MessageCopyInput } from '../messages/message-index.js';
import { noticeOf } from '../policies/notice-settings.js';
import { findCandidates } from './candidates.js';
import {
  CHUNK_SIZE,
  QUEUES,
  type ExecuteJob,
  type NotifyJob,
  type PlanJob,
  type RescanJob,
  type RetractionDeps,
} from './deps.js';
import { actOnMailboxes, type MailboxOutcome } from './execute.js';
import { mimePath } from './graph-calls.js';
import { notifiable } from './notifier.js';
import { planMailboxes, planTotals, type PlannedMailbox, type PlanResult } from './planner.js';
import { retractionAudit } from './audit-events.js';
import { OPEN_MAILBOX_STATES, type MailboxRow, type RetractionRow } from './repository.js';

export function createRunner(deps: RetractionDeps) {
  const { repository, audit, queue } = deps;
  const events = retractionAudit(audit);
  const system = (
    row: RetractionRow,
  ): Pick<AuditInput, 'tenantId' | 'actorType' | 'actorId' | 'actorName'> => ({
    tenantId: row.tenantId,
    actorType: 'system',
    actorId: row.requestedBy,
    actorName: row.requestedByName,
  });

  async function search(
    row: RetractionRow,
    recipients: string[],
  ): Promise<{ planned: PlannedMailbox[]; notes: string[]; result: PlanResult }> {
    const candidates = await findCandidates(deps.directory, deps.index, {
      tenantId: row.tenantId,
      internetMessageId: row.internetMessageId,
      recipients,
      sender: row.sender,
      scope: row.scope,
    });
    const result = await planMailboxes(
      deps.graph.executor,
      candidates.mailboxes,
      row.internetMessageId,
      row.action as RetractionAction,
      { includeCalendarEvents: row.scope.includeCalendarEvents ?? false },
    );
    await deps.index.upsert(indexRows(row, result.mailboxes));
    return { planned: result.mailboxes, notes: [...candidates.notes, ...result.notes], result };
  }

  async function plan(job: PlanJob): Promise<void> {
    const found = await repository.byId(job.retractionId);
    if (!found || found.status !== 'planning') return;
    const { planned, notes, result } = await search(found, job.recipients);
    const row = await withMessageFacts(found, result.message);
    await repository.insertMailboxes(
      planned.map((p) => ({
        retractionId: row.id,
        tenantId: row.tenantId,
        mailboxId: p.mailbox.id,
        mailboxUpn: p.mailbox.upn,
        state: p.state,
        reason: p.reason,
        copies: p.copies,
        events: p.events,
        targetFolderId: p.targetFolderId,
      })),
    );
    const totals = planTotals(planned, notes, result.events);
    if (row.action === 'hardDelete' && !row.dryRun) await captureEvidence(row, planned);
    const policy = await deps.policies.policy(row.tenantId);
    const approvalReasons =
      row.dryRun || row.kind === 'undo'
        ? []
        : approvalNeeded(policy, row.action as RetractionAction, totals.withCopies);
    await events.step(row, 'retraction.planned', { ...totals });
    if (row.dryRun) {
      await repository.transition(row.id, ['planning'], {
        status: 'completed',
        plan: totals,
        completedAt: new Date(),
      });
    } else if (approvalReasons.length) {
      const expires = new Date(Date.now() + policy.approvalExpiryHours * 3600_000);
      await repository.transition(row.id, ['planning'], {
        status: 'awaitingApproval',
        plan: totals,
        approvalRequired: true,
        approvalReasons,
        approvalExpiresAt: expires,
      });
      await events.step(row, 'retraction.awaitingApproval', { reasons: approvalReasons });
    } else {
      await repository.update(row.id, { plan: totals });
      await start(row.id, ['planning'], policy);
    }
  }

  /** A retraction started without subject or sender (unknown message id) learns them from a found copy. */
  async function withMessageFacts(row: RetractionRow, facts: PlanResult['message']): Promise<RetractionRow> {
    if (!facts || (row.subject !== null && row.sender !== null)) return row;
    const change = { subject: row.subject ?? facts.subject, sender: row.sender ?? facts.sender };
    await repository.update(row.id, change);
    return { ...row, ...change };
  }

  /** planning/awaitingApproval → running: planned mailboxes become pending and are fanned out. */
  async function start(
    id: string,
    from: readonly string[],
    policy: AutoRetractionPolicy,
    change: Partial<RetractionRow> = {},
  ): Promise<RetractionRow | null> {
    const armedUntil = policy.armedHours > 0 ? new Date(Date.now() + policy.armedHours * 3600_000) : null;
    const row = await repository.transition(id, from, {
      status: 'running',
      startedAt: new Date(),
      armedUntil,
      ...change,
    });
    if (!row) return null;
    await repository.setStates(id, ['planned'], 'pending', null);
    await fanOut(row);
    for (const [round, minutes] of policy.rescanMinutes.entries())
      if (armedUntil && Date.now() + minutes * 60_000 <= armedUntil.getTime())
        await queue.send(QUEUES.rescan, { retractionId: id, round: round + 1 } satisfies RescanJob, {
          startAfter: minutes * 60,
        });
    await events.step(row, 'retraction.started', { action: row.action });
    return (await maybeComplete(row.id)) ?? repository.byId(row.id);
  }

  async function fanOut(row: RetractionRow): Promise<void> {
    const ids = await repository.mailboxIdsInState(row.id, ['pending', 'acting']);
    for (let i = 0; i < ids.length; i += CHUNK_SIZE)
      await queue.send(QUEUES.execute, {
        retractionId: row.id,
        mailboxIds: ids.slice(i, i + CHUNK_SIZE),
      } satisfies ExecuteJob);
  }

  async function execute(job: ExecuteJob): Promise<void> {
    const row = await repository.byId(job.retractionId);
    if (!row || row.status !== 'running') return;
    const claimed = await repository.claim(row.id, job.mailboxIds, deps.leaseSeconds);
    if (claimed.length === 0) return;
    // A mailbox whose every attempt ended with its worker gone is failed, not tried for ever.
    const exhausted = claimed.filter((m) => m.attempts >= MAX_MAILBOX_ATTEMPTS);
    const workable = claimed.filter((m) => m.attempts < MAX_MAILBOX_ATTEMPTS);
    const outcomes = await whileLeased(row.id, workable, () =>
      actOnMailboxes(deps.graph.executor, row, workable),
    );
    await record(row, [...outcomes, ...exhausted.map(givenUp)]);
    await maybeComplete(row.id);
  }

  /** Renews the claim on `mailboxes` while `work` runs, so no other worker takes them over. */
  async function whileLeased<T>(id: string, mailboxes: MailboxRow[], work: () => Promise<T>): Promise<T> {
    const ids = mailboxes.map((m) => m.mailboxId);
    const timer = setInterval(
      () => void repository.renewLease(id, ids).catch((error: Error) => deps.log.warn({ error }, 'lease')),
      (deps.leaseSeconds * 1000) / 3,
    );
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** Starts an undo whose mailboxes are stored (kept apart so the reconciler can call it too). */
  async function startUndo(row: RetractionRow): Promise<RetractionRow | null> {
    const policy = { ...(await deps.policies.policy(row.tenantId)), armedHours: 0, rescanMinutes: [] };
    return start(row.id, ['planning'], policy);
  }

  /**
   * Picks up a retraction no job is working on any more (the process running it died between
   * steps, or its jobs ran out of retries): planning is redone, mailboxes left open are sent out
   * again. Safe to call twice: claims are leased, so a mailbox is never acted on by two workers.
   */
  async function resume(row: RetractionRow): Promise<void> {
    if (row.status === 'planning') {
      if (row.kind === 'undo') await startUndo(row);
      else
        await queue.send(QUEUES.plan, { retractionId: row.id, recipients: row.recipients } satisfies PlanJob);
      return;
    }
    if (row.status !== 'running') return;
    await repository.setStates(row.id, ['planned'], 'pending', null);
    await fanOut(row);
    await maybeComplete(row.id);
  }

  async function record(row: RetractionRow, outcomes: MailboxOutcome[]): Promise<void> {
    await repository.saveMailboxes(
      row.id,
      outcomes.map((o) => ({
        mailboxId: o.row.mailboxId,
        state: o.state,
        reason: o.reason,
        copies: o.copies,
        events: o.events,
      })),
    );
    await audit.recordMany(
      outcomes.map((o) => ({
        ...system(row),
        action: `retraction.mailbox.${o.state}`,
        outcome: o.state === 'failed' ? 'failure' : 'success',
        targetType: 'mailbox',
        targetId: o.row.mailboxUpn,
        details: {
          retractionId: row.id,
          action: row.action,
          kind: row.kind,
          copies: o.copies.length,
          ...(o.events.length ? { calendarEvents: o.events.length } : {}),
          reason: o.reason,
        },
      })),
    );
    const moved = outcomes.flatMap((o) =>
      o.copies.filter((c) => c.outcome === 'done').map((c) => ({ mailboxId: o.row.mailboxId, copy: c })),
    );
    for (const { mailboxId, copy } of moved)
      if (copy.resultFolderId === null) await deps.index.markRemoved(row.tenantId, mailboxId, copy.id);
  }

  /** running → completed / completedWithErrors once no mailbox is open. */
  async function maybeComplete(id: string): Promise<RetractionRow | null> {
    // Every chunk asks; a cheap existence check answers most of them.
    if (await repository.hasMailboxesIn(id, OPEN_MAILBOX_STATES)) return null;
    await scheduleNotices(id);
    const counts = await repository.counts(id);
    const status = (counts.failed ?? 0) > 0 ? 'completedWithErrors' : 'completed';
    const done = await repository.transition(id, ['running'], { status, completedAt: new Date() });
    if (done)
      await events.step(
        done,
        `retraction.${status}`,
        { counts },
        status === 'completed' ? 'success' : 'failure',
      );
    return done ?? repository.byId(id);
  }

  /**
   * Queues the notices before the retraction is marked completed, so a crash between the two loses
   * nothing: the job waits for the completion, and a second job (another worker completing at the
   * same moment) finds every notice already claimed or sent.
   */
  async function scheduleNotices(id: string): Promise<void> {
    const row = await repository.byId(id);
    if (!row || row.status !== 'running' || !notifiable(row)) return;
    if (!noticeOf(await deps.policies.policy(row.tenantId)).enabled) return;
    if (!(await repository.hasMailboxesIn(id, ['done']))) return;
    await queue.send(QUEUES.notify, { retractionId: id } satisfies NotifyJob, { startAfter: 1 });
  }

  /** While armed, search again: copies that arrived late are added and acted on. */
  async function rescan(job: RescanJob, options: { manual?: boolean } = {}): Promise<{ added: number }> {
    const row = await repository.byId(job.retractionId);
    if (
      !row ||
      row.dryRun ||
      row.kind !== 'retract' ||
      !['running', 'completed', 'completedWithErrors'].includes(row.status)
    )
      return { added: 0 };
    // Scheduled rescans stop when the armed window closes; an admin may always search again.
    if (!options.manual && (!row.armedUntil || row.armedUntil.getTime() < Date.now())) return { added: 0 };
    const { planned } = await search(row, []);
    const known = new Map(
      (
        await repository.mailboxes(
          row.id,
          planned.map((p) => p.mailbox.id),
        )
      ).map((m) => [m.mailboxId, m]),
    );
    let added = 0;
    for (const mailbox of planned.filter((p) => p.state === 'planned')) {
      const existing = known.get(mailbox.mailbox.id);
      const fresh = mailbox.copies.filter((copy) => !existing?.copies.some((c) => c.id === copy.id));
      const freshEvents = mailbox.events.filter((event) => !existing?.events.some((e) => e.id === event.id));
      if (fresh.length === 0 && freshEvents.length === 0) continue;
      added += fresh.length + freshEvents.length;
      if (existing)
        await repository.saveMailbox({
          retractionId: row.id,
          mailboxId: existing.mailboxId,
          state: 'pending',
          reason: null,
          copies: [...existing.copies, ...fresh],
          events: [...existing.events, ...freshEvents],
        });
      else
        await repository.insertMailboxes([
          {
            retractionId: row.id,
            tenantId: row.tenantId,
            mailboxId: mailbox.mailbox.id,
            mailboxUpn: mailbox.mailbox.upn,
            state: 'pending',
            reason: null,
            copies: fresh,
            events: freshEvents,
            targetFolderId: mailbox.targetFolderId,
            foundInRound: job.round,
          },
        ]);
    }
    await repository.update(row.id, { rescans: row.rescans + 1 });
    await events.step(row, 'retraction.rescanned', { round: job.round, added });
    if (added > 0) {
      const reopened =
        (await repository.transition(row.id, ['completed', 'completedWithErrors'], {
          status: 'running',
          completedAt: null,
        })) ?? row;
      await fanOut(reopened);
    }
    return { added };
  }

  async function captureEvidence(row: RetractionRow, planned: PlannedMailbox[]): Promise<void> {
    const first = planned.find((p) => p.copies.length > 0);
    if (!first || (await repository.hasEvidence(row.id))) return;
    const stream = (await deps.graph.client
      .api(mimePath(first.mailbox.id, first.copies[0]!.id))
      .getStream()) as AsyncIterable<Uint8Array>;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    const mime = Buffer.concat(chunks);
    const sha256 = createHash('sha256').update(mime).digest('hex');
    await repository.saveEvidence({
      retractionId: row.id,
      tenantId: row.tenantId,
      mailboxId: first.mailbox.id,
      messageId: first.copies[0]!.id,
      mime,
      sha256,
      capturedAt: new Date(),
    });
    await events.step(row, 'retraction.evidenceCaptured', {
      sha256,
      bytes: mime.length,
      mailbox: first.mailbox.upn,
    });
  }

  /** A retraction whose search failed through every retry, several times over. */
  async function fail(row: RetractionRow, failedJobs: number): Promise<void> {
    const error = `searching the mailboxes failed ${failedJobs} times through every retry; see the API log`;
    const failed = await repository.transition(row.id, ['planning'], {
      status: 'failed',
      error,
      completedAt: new Date(),
    });
    if (failed) await events.step(failed, 'retraction.failed', { error }, 'failure');
  }

  return { plan, start, startUndo, execute, resume, fail, rescan, maybeComplete };
}

/** Claims of one mailbox before it is failed as "the worker stopped every time". */
export const MAX_MAILBOX_ATTEMPTS = 10;

function givenUp(row: MailboxRow): MailboxOutcome {
  return {
    row,
    state: 'failed',
    reason: `gave up after ${row.attempts} attempts: the worker acting on this mailbox stopped each time`,
    copies: row.copies,
    events: row.events,
  };
}

export function approvalNeeded(
  policy: AutoRetractionPolicy,
  action: RetractionAction,
  mailboxes: number,
): string[] {
  const reasons: string[] = [];
  if (policy.requireApproval.includes(action)) reasons.push(`policy requires approval for ${action}`);
  if (mailboxes > policy.approvalMailboxThreshold)
    reasons.push(`reaches ${mailboxes} mailboxes (threshold ${policy.approvalMailboxThreshold})`);
  return reasons;
}

function indexRows(row: RetractionRow, planned: PlannedMailbox[]): MessageCopyInput[] {
  return planned.flatMap((p) =>
    p.copies.map((copy) => ({
      tenantId: row.tenantId,
      mailboxId: p.mailbox.id,
      mailboxUpn: p.mailbox.upn,
      messageId: copy.id,
      internetMessageId: row.internetMessageId,
      sender: row.sender?.toLowerCase() ?? null,
      recipients: [...new Set(p.recipients.map((r) => r.toLowerCase()))],
      subject: row.subject,
      receivedAt: copy.receivedAt ? new Date(copy.receivedAt) : null,
      folder: copy.folder,
      folderId: copy.folderId,
      isRead: copy.isRead,
      source: 'retraction',
    })),
  );
}

export type Runner = ReturnType<typeof createRunner>;
