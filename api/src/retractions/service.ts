// What callers ask of the engine: start a retraction (by message id, campaign or the admin's own
// item), approve, cancel, undo, rescan, and read progress. Background work goes to the runner's
// jobs; this file only decides and records.
import { randomUUID } from 'node:crypto';
import type { RetractionAction } from '@clawback/shared';
import type { Caller } from '../auth/caller.js';
import type { RetractionScope } from '../db/schema/index.js';
import { graphPath, odataQuery } from '../graph/odata.js';
import { ProblemError, problems } from '../http/problem.js';
import { QUEUES, type PlanJob, type RetractionDeps } from './deps.js';
import type { MailboxRow, NewMailboxRow, NewRetraction, RetractionRow } from './repository.js';
import { retractionAudit } from './audit-events.js';
import type { Runner } from './runner.js';
import { toView } from './view.js';

export interface CreateInput {
  tenantId: string;
  caller: Caller;
  callerName: string | null;
  internetMessageId?: string;
  campaignId?: string;
  itemId?: string;
  action: RetractionAction;
  scope?: RetractionScope;
  dryRun: boolean;
  reason?: string;
  source: 'manual' | 'policy' | 'addin';
  idempotencyKey?: string;
}

interface ResolvedTarget {
  internetMessageId: string;
  subject: string | null;
  sender: string | null;
  recipients: string[];
  campaignId: string | null;
}

interface GraphMessage {
  internetMessageId?: string;
  subject?: string;
  from?: { emailAddress?: { address?: string } };
  toRecipients?: { emailAddress?: { address?: string } }[];
  ccRecipients?: { emailAddress?: { address?: string } }[];
}

export function createRetractionService(deps: RetractionDeps, runner: Runner) {
  const { repository, queue } = deps;
  const events = retractionAudit(deps.audit);

  async function resolveTarget(input: CreateInput): Promise<ResolvedTarget> {
    if (input.itemId) {
      if (input.caller.kind !== 'user')
        throw problems.badRequest(
          'itemId names an item in your own mailbox; an app must send internetMessageId',
        );
      let message: GraphMessage;
      try {
        message = await deps.graph.client
          .api(
            graphPath`/users/${input.caller.oid}/messages/${input.itemId}` +
              odataQuery({ $select: 'internetMessageId,subject,from,toRecipients,ccRecipients' }),
          )
          .get();
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404 || status === 400)
          throw new ProblemError(
            404,
            'message_not_found',
            'Message not found',
            'no such item in your mailbox',
          );
        throw problems.graphUnavailable(`the item could not be read (${status ?? 'network error'})`);
      }
      if (!message.internetMessageId)
        throw new ProblemError(
          404,
          'message_not_found',
          'Message not found',
          'the item has no internet message id (a draft?)',
        );
      const recipients = [...(message.toRecipients ?? []), ...(message.ccRecipients ?? [])]
        .map((r) => r.emailAddress?.address ?? '')
        .filter(Boolean);
      return {
        internetMessageId: message.internetMessageId,
        subject: message.subject ?? null,
        sender: message.from?.emailAddress?.address ?? null,
        recipients,
        campaignId: null,
      };
    }
    if (input.campaignId) {
      const campaign = await deps.campaigns()?.find(input.tenantId, input.campaignId);
      if (!campaign) throw problems.notFound('no such campaign');
      return { ...campaign, recipients: [], campaignId: input.campaignId };
    }
    const internetMessageId = input.internetMessageId!;
    const [known] = await deps.index.copiesOf(input.tenantId, internetMessageId);
    return {
      internetMessageId,
      subject: known?.subject ?? null,
      sender: known?.sender ?? null,
      recipients: [],
      campaignId: null,
    };
  }

  async function create(input: CreateInput) {
    const target = await resolveTarget(input);
    const { row, created } = await repository.insert({
      id: randomUUID(),
      tenantId: input.tenantId,
      kind: 'retract',
      internetMessageId: target.internetMessageId,
      subject: target.subject,
      sender: target.sender,
      campaignId: input.campaignId ?? target.campaignId,
      action: input.action,
      status: 'planning',
      dryRun: input.dryRun,
      reason: input.reason ?? null,
      source: input.source,
      scope: input.scope ?? {},
      recipients: target.recipients,
      requestedBy: input.caller.oid,
      requestedByName: input.callerName,
      requesterKind: input.caller.kind,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: new Date(),
    });
    if (!created) {
      if (row.action !== input.action && row.idempotencyKey !== input.idempotencyKey)
        throw problems.conflict(
          `message is already being retracted with ${row.action} (retraction ${row.id}); cancel it first`,
        );
      return { row, existing: true };
    }
    await events.decision(input.tenantId, input.caller, input.callerName, row.id, 'retraction.requested', {
      internetMessageId: row.internetMessageId,
      action: row.action,
      dryRun: row.dryRun,
      source: row.source,
      scope: row.scope,
      reason: row.reason,
    });
    await queue.send(QUEUES.plan, { retractionId: row.id, recipients: target.recipients } satisfies PlanJob);
    return { row, existing: false };
  }

  async function require(tenantId: string, id: string): Promise<RetractionRow> {
    const row = await repository.get(tenantId, id);
    if (!row) throw problems.notFound('no such retraction');
    return row;
  }

  async function view(row: RetractionRow, extra: { existing?: boolean } = {}) {
    return toView(row, await repository.counts(row.id), extra);
  }

  async function approve(tenantId: string, id: string, caller: Caller, callerName: string | null) {
    const row = await require(tenantId, id);
    if (row.status !== 'awaitingApproval')
      throw problems.conflict(`the retraction is ${row.status}, not awaiting approval`);
    if (row.requestedBy === caller.oid)
      throw problems.forbidden(
        'the requester cannot approve their own retraction; a second administrator must',
      );
    if (row.approvalExpiresAt && row.approvalExpiresAt.getTime() < Date.now()) {
      await repository.transition(id, ['awaitingApproval'], {
        status: 'cancelled',
        error: 'approval expired',
        completedAt: new Date(),
      });
      await repository.setStates(id, ['planned'], 'skipped', 'approvalExpired');
      throw problems.conflict('the approval window has passed; request the retraction again');
    }
    const started = await runner.start(id, ['awaitingApproval'], await deps.policies.policy(tenantId), {
      approvedBy: caller.oid,
      approvedByName: callerName,
      approvedAt: new Date(),
    });
    if (!started) throw problems.conflict('the retraction changed while it was being approved');
    await events.decision(tenantId, caller, callerName, id, 'retraction.approved');
    return view(started);
  }

  async function cancel(tenantId: string, id: string, caller: Caller, callerName: string | null) {
    const row = await require(tenantId, id);
    const cancelled = await repository.transition(id, ['planning', 'awaitingApproval', 'running'], {
      status: 'cancelled',
      completedAt: new Date(),
    });
    if (!cancelled) throw problems.conflict(`the retraction is already ${row.status}`);
    const stopped = await repository.setStates(id, ['planned', 'pending'], 'skipped', 'cancelled');
    await events.decision(tenantId, caller, callerName, id, 'retraction.cancelled', {
      mailboxesNotStarted: stopped,
    });
    return view(cancelled);
  }

  /** Moves every copy back where it came from, as a retraction of its own (kind undo). */
  async function undo(
    tenantId: string,
    id: string,
    caller: Caller,
    callerName: string | null,
    mailboxes?: string[],
  ) {
    const original = await require(tenantId, id);
    if (original.action === 'hardDelete')
      throw problems.conflict(
        'a hard delete cannot be undone: the copies are in the purges folder, recoverable only by an administrator',
      );
    if (original.kind !== 'retract' || original.dryRun)
      throw problems.conflict('only a retraction that acted can be undone');
    if (!['completed', 'completedWithErrors', 'cancelled'].includes(original.status))
      throw problems.conflict(`the retraction is ${original.status}; cancel it or let it finish first`);
    const wanted = mailboxes ? new Set(mailboxes.map((m) => m.toLowerCase())) : null;
    // A mailbox whose only loss was a calendar event has nothing to move back: deleted events stay deleted.
    const done = (await repository.mailboxes(id, await repository.mailboxIdsInState(id, ['done']))).filter(
      (m) =>
        (!wanted || wanted.has(m.mailboxUpn.toLowerCase())) && m.copies.some((c) => c.outcome === 'done'),
    );
    if (done.length === 0) throw problems.conflict('no mailbox of this retraction has copies to move back');
    // The undo and its mailboxes land together: a crash leaves either nothing or an undo the
    // reconciler can start.
    const { row, created } = await repository.transaction(async (tx) => {
      const inserted = await repository.insert(undoRow(original, caller, callerName), tx);
      if (inserted.created) await repository.insertMailboxes(undoMailboxes(inserted.row, done), tx);
      return inserted;
    });
    if (!created) throw problems.conflict(`an undo of this message is already running (${row.id})`);
    await events.decision(tenantId, caller, callerName, id, 'retraction.undoRequested', {
      undoId: row.id,
      mailboxes: done.length,
    });
    const started = await runner.startUndo(row);
    return view(started ?? row);
  }

  return {
    repository,
    create,
    view,
    list: repository.list,
    require,
    approve,
    cancel,
    undo,
    async rescan(tenantId: string, id: string) {
      const row = await require(tenantId, id);
      if (row.kind !== 'retract' || row.dryRun)
        throw problems.conflict('only a retraction that acts can search again');
      if (!['running', 'completed', 'completedWithErrors'].includes(row.status))
        throw problems.conflict(`the retraction is ${row.status}`);
      const result = await runner.rescan({ retractionId: id, round: row.rescans + 1 }, { manual: true });
      return { ...result, retraction: await view((await repository.byId(id))!) };
    },
  };
}

export type RetractionService = ReturnType<typeof createRetractionService>;

function undoRow(original: RetractionRow, caller: Caller, callerName: string | null): NewRetraction {
  return {
    id: randomUUID(),
    tenantId: original.tenantId,
    kind: 'undo',
    undoOf: original.id,
    internetMessageId: original.internetMessageId,
    subject: original.subject,
    sender: original.sender,
    campaignId: original.campaignId,
    action: original.action,
    status: 'planning',
    dryRun: false,
    reason: `undo of ${original.id}`,
    source: 'manual',
    scope: {},
    requestedBy: caller.oid,
    requestedByName: callerName,
    requesterKind: caller.kind,
    createdAt: new Date(),
  };
}

/** Each copy the retraction moved goes back to the folder it was in before. */
function undoMailboxes(undo: RetractionRow, done: MailboxRow[]): NewMailboxRow[] {
  return done.map((m) => ({
    retractionId: undo.id,
    tenantId: undo.tenantId,
    mailboxId: m.mailboxId,
    mailboxUpn: m.mailboxUpn,
    state: 'planned',
    reason: null,
    copies: m.copies
      .filter((c) => c.outcome === 'done')
      .map((c) => ({
        id: c.id,
        folderId: c.folderId,
        folder: c.folder,
        isRead: c.isRead,
        receivedAt: c.receivedAt,
      })),
    targetFolderId: null,
  }));
}
