// Intake of one report: who may report, the message read from the reporter's own mailbox, the
// evidence copy, enrichment and fingerprint; then the report goes into the next transaction of the
// intake writer (intake-writer.ts), which answers once it is committed. Refusals are audited;
// nothing is stored unless everything is.
import type { CreateReport, ReporterCopyAction, UserReportedSettings } from '@clawback/shared';
import type { UserCaller } from '../auth/caller.js';
import type { MailboxRef } from '../directory/directory-service.js';
import { ProblemError, problems } from '../http/problem.js';
import type { AuditActor } from './audit-actor.js';
import type { ReportsContext } from './context.js';
import { emlMessageId, sameMessageId } from './eml.js';
import { attachmentFacts } from './enrichment/attachments.js';
import { enrich } from './enrichment/enrich.js';
import { fingerprintOf, sha256 } from './enrichment/fingerprint.js';
import type { ReadMessage } from './intake-rows.js';
import { createIntakeWriter } from './intake-writer.js';
import { createMailboxCache } from './mailbox-cache.js';
import { MessageNotFound, type GraphMessage, type GraphRecipient } from './mailbox-message.js';
import type { ReportRow } from './report-repository.js';

export interface IntakeResult {
  report: ReportRow;
  duplicate: boolean;
  reporterCopy: ReporterCopyAction;
}

export function createIntake(ctx: ReportsContext) {
  async function refuse(
    actor: AuditActor,
    itemId: string,
    reason: string,
    problem: ProblemError,
  ): Promise<never> {
    await ctx.audit.record({
      ...actor,
      action: 'report.refused',
      targetType: 'message',
      targetId: itemId,
      outcome: 'denied',
      details: { reason },
    });
    throw problem;
  }

  const mailboxes = createMailboxCache(ctx.directory);
  const writer = createIntakeWriter(ctx);

  async function reporterMailbox(
    caller: UserCaller,
    settings: UserReportedSettings,
    actor: AuditActor,
    itemId: string,
  ): Promise<MailboxRef> {
    if (caller.isGuest && !settings.allowGuests)
      await refuse(
        actor,
        itemId,
        'guest',
        problems.forbidden('guests may not report messages in this tenant'),
      );
    const mailbox = await mailboxes.find(caller.tenantId, caller.oid);
    if (!mailbox?.published)
      await refuse(
        actor,
        itemId,
        'domainNotPublished',
        new ProblemError(
          403,
          'domain_not_published',
          'Your mailbox is not protected by Clawback',
          `${mailbox?.domain ?? 'your domain'} is not a published domain`,
        ),
      );
    return mailbox!;
  }

  /** The reporter's copy: by item id, else (a stale id) by internetMessageId in the same mailbox. */
  async function locate(
    caller: UserCaller,
    body: CreateReport,
  ): Promise<{ message: GraphMessage; mime: Buffer | null }> {
    try {
      const [message, mime] = await Promise.all([
        ctx.mailbox.message(caller.oid, body.itemId),
        body.eml ? Promise.resolve(null) : ctx.mailbox.mime(caller.oid, body.itemId),
      ]);
      return { message, mime };
    } catch (error) {
      if (!(error instanceof MessageNotFound) || !body.internetMessageId) throw error;
      const message = await ctx.mailbox.byInternetMessageId(caller.oid, body.internetMessageId);
      return { message, mime: body.eml ? null : await ctx.mailbox.mime(caller.oid, message.id) };
    }
  }

  async function readMessage(caller: UserCaller, body: CreateReport, actor: AuditActor) {
    try {
      const { message, mime } = await locate(caller, body);
      const attachments = message.hasAttachments ? await ctx.mailbox.attachments(caller.oid, message.id) : [];
      return { message, mime, attachments };
    } catch (error) {
      if (!(error instanceof MessageNotFound)) throw error;
      return refuse(
        actor,
        body.itemId,
        'messageNotFound',
        new ProblemError(
          404,
          'message_not_found',
          'Message not found',
          'there is no such message in your mailbox',
        ),
      );
    }
  }

  return async function intake(
    caller: UserCaller,
    body: CreateReport,
    actor: AuditActor,
  ): Promise<IntakeResult> {
    const { settings } = await ctx.settings.get(caller.tenantId);
    const mailbox = await reporterMailbox(caller, settings, actor, body.itemId);
    const { message, mime, attachments } = await readMessage(caller, body, actor);
    const internetMessageId = message.internetMessageId;
    if (!internetMessageId)
      throw problems.badRequest('the item has no internetMessageId (drafts cannot be reported)');
    // Not-junk reports leave the copy where it is: Outlook itself moves it back to the inbox.
    const reporterCopy = body.category === 'notJunk' ? 'keep' : settings.reporterCopy;

    const eml = body.eml ? Buffer.from(body.eml, 'base64') : mime!;
    if (body.eml && !sameMessageId(emlMessageId(eml), internetMessageId))
      await refuse(
        actor,
        body.itemId,
        'emlMismatch',
        problems.validation([
          { path: 'body.eml', message: 'is not the message itemId names (its Message-ID differs)' },
        ]),
      );
    const facts = attachments.map(attachmentFacts);
    const normalised = messageFacts(message);
    const enrichment = enrich({ ...normalised, attachments: facts }, await ctx.tenantDomains.verified());
    const fingerprint = fingerprintOf({
      sender: enrichment.from?.address ?? enrichment.sender?.address ?? null,
      subject: message.subject ?? null,
      body: normalised.body,
      attachmentHashes: facts.map((a) => a.sha256),
    });
    const read: ReadMessage = {
      message,
      internetMessageId,
      eml,
      emlSha256: sha256(eml),
      evidenceSource: body.eml ? 'client' : 'graph',
      enrichment,
      fingerprint,
    };
    const stored = await writer.store({ caller, mailbox, body, read, settings, actor, reporterCopy });
    return { ...stored, reporterCopy };
  };
}

export type Intake = ReturnType<typeof createIntake>;

function messageFacts(message: GraphMessage) {
  const address = (r: GraphRecipient | null | undefined) => r?.emailAddress ?? null;
  return {
    subject: message.subject ?? null,
    from: address(message.from),
    sender: address(message.sender),
    replyTo: (message.replyTo ?? []).map(address).filter((a): a is NonNullable<typeof a> => !!a),
    body: { contentType: message.body?.contentType ?? 'text', content: message.body?.content ?? '' },
    headers: (message.internetMessageHeaders ?? []).map((h) => ({
      name: h.name ?? '',
      value: h.value ?? '',
    })),
  };
}
