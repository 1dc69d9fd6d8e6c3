// Message search over the message index (contract: GET /messages): every known copy of a message
// in the tenant's mailboxes, newest first, from what reports, collection and retraction saw.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messageSearchPageSchema, messageSearchQuerySchema, problemResponses } from '@clawback/shared';
import { problems } from '../http/problem.js';
import { createMessageIndex, type MessageCopy } from '../messages/message-index.js';
import { auditContext } from '../plugins/audit.js';

const messageRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const index = createMessageIndex(fastify.database.db);
  const searched = new WeakMap<object, number>();

  fastify.get(
    '/messages',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      // Who searched for what is audited once the answer has gone out, off the search's latency.
      onResponse: async (request, reply) => {
        if (reply.statusCode !== 200) return;
        try {
          await fastify.audit.record({
            ...auditContext(request),
            action: 'message.searched',
            outcome: 'success',
            details: { query: { ...request.query, cursor: undefined }, results: searched.get(request) ?? 0 },
          });
        } catch (error) {
          request.log.error({ err: error }, 'could not audit a message search');
        }
      },
      schema: {
        summary: 'Search the message index by message id, sender, subject and received time',
        querystring: messageSearchQuerySchema,
        response: { 200: messageSearchPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { cursor, limit, receivedAfter, receivedBefore, ...filter } = request.query;
      const tenantId = request.caller!.tenantId;
      const rows = await index.search(
        tenantId,
        {
          ...filter,
          receivedAfter: receivedAfter ? new Date(receivedAfter) : undefined,
          receivedBefore: receivedBefore ? new Date(receivedBefore) : undefined,
          before: cursor ? decodeCursor(cursor) : undefined,
        },
        limit + 1,
      );
      const page = rows.slice(0, limit);
      searched.set(request, page.length);
      return { items: page.map(view), nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
    },
  );
};

function view(row: MessageCopy) {
  return {
    mailbox: row.mailboxUpn,
    mailboxId: row.mailboxId,
    messageId: row.messageId,
    internetMessageId: row.internetMessageId,
    sender: row.sender,
    recipients: row.recipients,
    subject: row.subject,
    receivedAt: row.receivedAt?.toISOString() ?? null,
    folder: row.folder,
    isRead: row.isRead,
    source: row.source,
    removedAt: row.removedAt?.toISOString() ?? null,
  };
}

function encodeCursor(row: MessageCopy): string {
  return Buffer.from(JSON.stringify([row.receivedAt?.getTime() ?? 0, row.messageId])).toString('base64url');
}

function decodeCursor(cursor: string): { receivedAt: Date; messageId: string } {
  try {
    const [time, messageId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof time === 'number' && typeof messageId === 'string')
      return { receivedAt: new Date(time), messageId };
  } catch {
    // fall through
  }
  throw problems.badRequest('the cursor is not one this API gave out');
}

export default messageRoutes;
