// What the report jobs do, one report at a time: forward it to the reporting mailbox in Defender's
// format, move the reporter's copy, and tell the reporter. Each reads the report's current state,
// skips what is already done, audits what it did, and throws only for failures worth a retry.
import type { Disposition, ReportCategory } from '@clawback/shared';
import { graphPath } from '../graph/odata.js';
import { systemActor } from './audit-actor.js';
import type { ReportsContext } from './context.js';
import { DEFENDER_PREFIX, defenderForward } from './defender-forward.js';
import type { ForwardJob, NotifyJob, ReporterCopyJob } from './queues.js';
import type { ReportRow } from './report-repository.js';
import { outcomeMail, receiptMail, type RenderedMail } from './templates.js';

/** Graph said no for good (bad request, forbidden, gone): retrying would not help. */
function permanent(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode ?? 0;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export function createSideEffects(ctx: ReportsContext) {
  async function attempt(report: ReportRow, action: string, run: () => Promise<Record<string, unknown>>) {
    const actor = systemActor(report.tenantId, 'reports');
    const target = { targetType: 'report', targetId: report.id, action };
    try {
      const details = await run();
      await ctx.audit.record({ ...actor, ...target, outcome: 'success', details });
    } catch (error) {
      if (!permanent(error)) throw error;
      const status = (error as { statusCode?: number }).statusCode;
      const code = (error as { code?: string }).code ?? null;
      await ctx.audit.record({ ...actor, ...target, outcome: 'failure', details: { status, code } });
    }
  }

  function sendMail(from: string, to: string, mail: RenderedMail) {
    return ctx.graph.api(graphPath`/users/${from}/sendMail`).post({
      message: {
        subject: mail.subject,
        body: { contentType: 'Text', content: mail.body },
        toRecipients: [{ emailAddress: { address: to } }],
      },
      saveToSentItems: false,
    });
  }

  return {
    async forward({ tenantId, reportId }: ForwardJob): Promise<void> {
      const report = await ctx.reports.get(tenantId, reportId);
      const { settings } = await ctx.settings.get(tenantId);
      const mailbox = settings.reportingMailbox;
      if (!report || report.forwardedAt || !settings.forward.enabled || !mailbox) return;
      const evidence = await ctx.reports.evidence(tenantId, reportId);
      if (!evidence) return;
      await attempt(report, 'report.forwarded', async () => {
        const from = settings.forward.from === 'reporter' ? report.reporterId : mailbox;
        const category = report.category as ReportCategory;
        await ctx.graph.api(graphPath`/users/${from}/sendMail`).post(
          defenderForward({
            category,
            subject: report.subject,
            reporter: report.reporterUpn,
            comment: report.comment,
            reportId,
            reportingMailbox: mailbox,
            eml: evidence.eml,
          }),
        );
        await ctx.reports.markDone(tenantId, reportId, 'forwardedAt');
        return {
          to: mailbox,
          from: settings.forward.from,
          prefix: DEFENDER_PREFIX[category],
          sha256: evidence.sha256,
        };
      });
    },

    async moveReporterCopy({ tenantId, reportId, destination }: ReporterCopyJob): Promise<void> {
      const report = await ctx.reports.get(tenantId, reportId);
      if (!report || report.reporterCopyMovedAt) return;
      await attempt(report, 'report.reporterCopyMoved', async () => {
        const moved: { parentFolderId?: string } = await ctx.graph
          .api(graphPath`/users/${report.reporterId}/messages/${report.messageId}/move`)
          .post({ destinationId: destination });
        await ctx.messageIndex.upsert([
          {
            tenantId,
            mailboxId: report.reporterId,
            mailboxUpn: report.reporterUpn ?? report.reporterId,
            messageId: report.messageId,
            internetMessageId: report.internetMessageId,
            sender: report.sender,
            recipients: [],
            subject: report.subject,
            receivedAt: report.receivedAt,
            folder: destination,
            folderId: moved.parentFolderId ?? null,
            isRead: null,
            source: 'report',
          },
        ]);
        await ctx.reports.markDone(tenantId, reportId, 'reporterCopyMovedAt');
        return { destination, mailbox: report.reporterUpn };
      });
    },

    async notify({ tenantId, reportId, notification }: NotifyJob): Promise<void> {
      const report = await ctx.reports.get(tenantId, reportId);
      const { settings } = await ctx.settings.get(tenantId);
      const mailbox = settings.reportingMailbox;
      if (!report || !mailbox || !report.reporterAddress) return;
      const facts = {
        subject: report.subject,
        sender: report.sender,
        category: report.category as ReportCategory,
        reportedAt: report.reportedAt,
        reporterName: report.reporterUpn,
      };
      if (notification === 'receipt') {
        if (report.receiptNotifiedAt || !settings.notifications.onReceipt.enabled) return;
        await attempt(report, 'report.receiptNotified', async () => {
          await sendMail(mailbox, report.reporterAddress!, receiptMail(settings, facts));
          await ctx.reports.markDone(tenantId, reportId, 'receiptNotifiedAt');
          return { to: report.reporterAddress };
        });
        return;
      }
      const disposition = report.disposition as Disposition | null;
      if (!disposition || report.outcomeNotified === disposition || !settings.notifications.onVerdict.enabled)
        return;
      await attempt(report, 'report.outcomeNotified', async () => {
        await sendMail(mailbox, report.reporterAddress!, outcomeMail(settings, { ...facts, disposition }));
        await ctx.reports.markDone(tenantId, reportId, 'outcomeNotifiedAt', { outcomeNotified: disposition });
        return { to: report.reporterAddress, disposition };
      });
    },
  };
}

export type SideEffects = ReturnType<typeof createSideEffects>;
