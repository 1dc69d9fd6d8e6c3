// Triage of reports and campaigns: status, assignee and notes, each change audited with the row it
// changed, in one transaction.
import { randomUUID } from 'node:crypto';
import type { TriageStatus } from '@clawback/shared';
import type { AuditActor } from './audit-actor.js';
import type { ReportsContext } from './context.js';
import type { NoteRow, NoteTarget } from './notes-repository.js';

export interface TriagePatch {
  status?: TriageStatus;
  assignee?: string | null;
}

export function createTriage(ctx: ReportsContext) {
  const change = (patch: TriagePatch) => ({
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.assignee !== undefined ? { assignee: patch.assignee?.toLowerCase() ?? null } : {}),
  });

  async function exists(target: NoteTarget, tenantId: string, id: string): Promise<boolean> {
    const row =
      target === 'report' ? await ctx.reports.get(tenantId, id) : await ctx.campaigns.get(tenantId, id);
    return !!row;
  }

  return {
    patchReport(tenantId: string, id: string, patch: TriagePatch, actor: AuditActor) {
      return ctx.db.transaction(async (tx) => {
        const row = await ctx.reports.update(tenantId, id, change(patch), tx);
        if (row)
          await ctx.audit.record(
            {
              ...actor,
              action: 'report.triaged',
              targetType: 'report',
              targetId: id,
              outcome: 'success',
              details: change(patch),
            },
            tx,
          );
        return row;
      });
    },

    patchCampaign(tenantId: string, id: string, patch: TriagePatch, actor: AuditActor) {
      return ctx.db.transaction(async (tx) => {
        const row = await ctx.campaigns.update(tenantId, id, change(patch), tx);
        if (row)
          await ctx.audit.record(
            {
              ...actor,
              action: 'campaign.triaged',
              targetType: 'campaign',
              targetId: id,
              outcome: 'success',
              details: change(patch),
            },
            tx,
          );
        return row;
      });
    },

    async addNote(
      target: NoteTarget,
      tenantId: string,
      id: string,
      text: string,
      actor: AuditActor,
    ): Promise<NoteRow | null> {
      if (!(await exists(target, tenantId, id))) return null;
      return ctx.db.transaction(async (tx) => {
        const note = await ctx.notes.add(
          {
            tenantId,
            id: randomUUID(),
            targetType: target,
            targetId: id,
            authorId: actor.actorId ?? null,
            authorName: actor.actorName ?? null,
            text,
            createdAt: new Date(),
          },
          tx,
        );
        await ctx.audit.record(
          {
            ...actor,
            action: `${target}.noted`,
            targetType: target,
            targetId: id,
            outcome: 'success',
            details: { noteId: note.id, length: text.length },
          },
          tx,
        );
        return note;
      });
    },
  };
}

export type Triage = ReturnType<typeof createTriage>;
