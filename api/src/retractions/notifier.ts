// Notices to the people whose copy a retraction removed (the tenant's `notify` policy): one short
// plain-text message per mailbox that ended done, from the configured mailbox, sent by a job of its
// own once the retraction has completed. Exactly once per mailbox: a mailbox is claimed before its
// notice goes out and marked sent after; a notice whose send was interrupted, or ended without a
// clear answer, is looked for in the recipient's mailbox before it is sent again.
//
// Nothing is sent for a dry run, an undo, or a release to the Inbox (nothing was taken away), nor
// when the tenant's notices are off. Exchange caps what one mailbox may send (about 30 messages a
// minute, 10,000 recipients a day); Graph's 429s for that are waited out by the executor.
import type { RetractionNotice } from '@clawback/shared';
import type { GraphCallResult } from '../graph/executor.js';
import { graphPath, odataQuery, odataString } from '../graph/odata.js';
import { noticeOf } from '../policies/notice-settings.js';
import { retractionAudit } from './audit-events.js';
import { failureReason, type RetractionCall } from './graph-calls.js';
import type { NotifyJob, RetractionDeps } from './deps.js';
import { renderNotice, type RenderedNotice } from './notice-text.js';
import type { MailboxRow, RetractionRow } from './repository.js';

/** Mailboxes claimed, sent to and audited together. */
export const NOTICE_BATCH = 100;

const COMPLETED = ['completed', 'completedWithErrors'];

/** A retraction whose mailboxes lost something, so that their people may be told. */
export function notifiable(row: RetractionRow): boolean {
  return row.kind === 'retract' && !row.dryRun && row.action !== 'moveToInbox';
}

interface NoticeCall extends RetractionCall {
  target: MailboxRow;
  notice: RenderedNotice;
}

interface BatchOutcome {
  sent: MailboxRow[];
  /** Found already delivered by an earlier, interrupted attempt. */
  found: MailboxRow[];
  /** Graph said no: certainly not sent. */
  refused: { row: MailboxRow; reason: string }[];
  /** No clear answer: perhaps sent; looked for before the next attempt. */
  unknown: { row: MailboxRow; reason: string }[];
}

export function createNotifier(deps: RetractionDeps, leaseSeconds: number) {
  const { repository } = deps;
  const events = retractionAudit(deps.audit);

  async function notify(job: NotifyJob): Promise<void> {
    const row = await repository.byId(job.retractionId);
    if (!row || !notifiable(row)) return;
    // Sent just before the retraction is marked completed: a job that wins that race tries again.
    if (row.status === 'running') throw new Error(`retraction ${row.id} has not completed yet`);
    if (!COMPLETED.includes(row.status)) return;
    const notice = noticeOf(await deps.policies.policy(row.tenantId));
    if (!notice.enabled || !notice.fromMailbox) return;
    const attempted: string[] = [];
    let unknown = 0;
    for (;;) {
      const claimed = await repository.claimNotices(row.id, NOTICE_BATCH, leaseSeconds, attempted);
      if (claimed.length === 0) break;
      const outcome = await sendBatch(row, notice, claimed);
      await repository.settleNotices(row.id, {
        sent: [...outcome.sent, ...outcome.found].map((m) => m.mailboxId),
        refused: outcome.refused.map((r) => r.row.mailboxId),
        unknown: outcome.unknown.map((r) => r.row.mailboxId),
      });
      await audit(row, notice.fromMailbox, outcome);
      attempted.push(...[...outcome.refused, ...outcome.unknown].map((r) => r.row.mailboxId));
      unknown += outcome.unknown.length;
    }
    // A refusal would be refused again; an unclear answer is worth the job's retry.
    if (unknown > 0)
      throw new Error(`${unknown} notices of retraction ${row.id} ended without a clear answer`);
  }

  async function sendBatch(
    row: RetractionRow,
    notice: RetractionNotice,
    claimed: MailboxRow[],
  ): Promise<BatchOutcome> {
    const rendered = new Map(claimed.map((m) => [m.mailboxId, renderNotice(notice, row, m.mailboxUpn)]));
    const found = await alreadyDelivered(
      row,
      claimed.filter((m) => m.noticeStartedAt !== null),
      rendered,
    );
    const calls: NoticeCall[] = claimed
      .filter((m) => !found.includes(m))
      .map((m) => sendCall(notice.fromMailbox!, m, rendered.get(m.mailboxId)!));
    const outcome: BatchOutcome = { sent: [], found, refused: [], unknown: [] };
    for (const result of await deps.graph.executor.run(calls)) {
      const { target } = result.call;
      if (result.status === 202 || result.status === 200) outcome.sent.push(target);
      else if (definitelyRefused(result)) outcome.refused.push({ row: target, reason: reasonOf(result) });
      else outcome.unknown.push({ row: target, reason: reasonOf(result) });
    }
    return outcome;
  }

  /**
   * Of the mailboxes an earlier attempt started on, those whose notice arrived after all: a message
   * with the notice's subject received since the retraction started.
   */
  async function alreadyDelivered(
    row: RetractionRow,
    started: MailboxRow[],
    rendered: Map<string, RenderedNotice>,
  ): Promise<MailboxRow[]> {
    const since = (row.startedAt ?? row.createdAt).toISOString();
    const calls = started.map((m) => ({
      method: 'GET' as const,
      url:
        graphPath`/users/${m.mailboxId}/messages` +
        odataQuery({
          $filter: `receivedDateTime ge ${since} and subject eq ${odataString(rendered.get(m.mailboxId)!.subject)}`,
          $select: 'id',
          $top: 1,
        }),
      mailbox: m.mailboxId,
      purpose: 'recheck' as const,
      target: m,
    }));
    const found: MailboxRow[] = [];
    for (const result of await deps.graph.executor.run(calls))
      if (result.status === 200 && ((result.body as { value?: unknown[] }).value ?? []).length > 0)
        found.push(result.call.target);
    return found;
  }

  async function audit(row: RetractionRow, from: string, outcome: BatchOutcome): Promise<void> {
    const troubled = outcome.refused.length + outcome.unknown.length;
    const upns = (rows: MailboxRow[]) => rows.map((m) => m.mailboxUpn);
    const failures = (list: { row: MailboxRow; reason: string }[]) =>
      list.map((f) => ({ mailbox: f.row.mailboxUpn, reason: f.reason }));
    await events.step(
      row,
      'retraction.notified',
      {
        from,
        sent: upns(outcome.sent),
        alreadyDelivered: upns(outcome.found),
        refused: failures(outcome.refused),
        unanswered: failures(outcome.unknown),
      },
      troubled > 0 ? 'failure' : 'success',
    );
  }

  return { notify };
}

export type Notifier = ReturnType<typeof createNotifier>;

function sendCall(from: string, target: MailboxRow, notice: RenderedNotice): NoticeCall {
  return {
    method: 'POST',
    url: graphPath`/users/${from}/sendMail`,
    body: {
      message: {
        subject: notice.subject,
        body: { contentType: 'Text', content: notice.body },
        toRecipients: [{ emailAddress: { address: target.mailboxUpn } }],
      },
      // The sending mailbox keeps a record of every notice.
      saveToSentItems: true,
    },
    // Throttled by the sending mailbox: every notice leaves from it.
    mailbox: from,
    purpose: 'notice',
    target,
    notice,
  };
}

/** A 4xx other than a timeout or throttling: Graph refused, nothing was sent. */
function definitelyRefused(result: GraphCallResult): boolean {
  return result.status >= 400 && result.status < 500 && result.status !== 408 && result.status !== 429;
}

function reasonOf(result: GraphCallResult): string {
  return result.status === 0 ? 'no answer from Graph' : failureReason(result.status, result.body);
}
