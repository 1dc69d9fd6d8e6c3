// The reported message, read from the reporter's own mailbox only (the token's oid, never the
// request): its properties and headers, its MIME ($value) as evidence, and its attachments. An id
// from anyone else's mailbox is simply not there: Graph answers 404 and so do we.
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { graphPath, odataQuery, odataString } from '../graph/odata.js';
import { problems } from '../http/problem.js';
import type { GraphAttachment } from './enrichment/attachments.js';

export interface GraphRecipient {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}

export interface GraphMessage {
  id: string;
  internetMessageId?: string | null;
  subject?: string | null;
  from?: GraphRecipient | null;
  sender?: GraphRecipient | null;
  replyTo?: GraphRecipient[] | null;
  toRecipients?: GraphRecipient[] | null;
  ccRecipients?: GraphRecipient[] | null;
  receivedDateTime?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  internetMessageHeaders?: { name?: string | null; value?: string | null }[] | null;
  hasAttachments?: boolean | null;
  parentFolderId?: string | null;
  isRead?: boolean | null;
}

const SELECT = [
  'id',
  'internetMessageId',
  'subject',
  'from',
  'sender',
  'replyTo',
  'toRecipients',
  'ccRecipients',
  'receivedDateTime',
  'body',
  'internetMessageHeaders',
  'hasAttachments',
  'parentFolderId',
  'isRead',
].join(',');

/** Thrown for "this mailbox has no such message": the caller turns it into a 404 and an audit row. */
export class MessageNotFound extends Error {
  constructor(readonly graphCode: string | null) {
    super('message not found in the reporter mailbox');
  }
}

export function createMailboxReader(client: Client) {
  return {
    async message(mailboxId: string, itemId: string): Promise<GraphMessage> {
      return call(() =>
        client.api(graphPath`/users/${mailboxId}/messages/${itemId}` + odataQuery({ $select: SELECT })).get(),
      );
    },

    /** The mailbox's own copy of a message by internetMessageId, or MessageNotFound. */
    async byInternetMessageId(mailboxId: string, internetMessageId: string): Promise<GraphMessage> {
      const page: { value?: GraphMessage[] } = await call(() =>
        client
          .api(
            graphPath`/users/${mailboxId}/messages` +
              odataQuery({
                $filter: `internetMessageId eq ${odataString(internetMessageId)}`,
                $select: SELECT,
                $top: 1,
              }),
          )
          .get(),
      );
      const found = page.value?.[0];
      if (!found) throw new MessageNotFound(null);
      return found;
    },

    async mime(mailboxId: string, itemId: string): Promise<Buffer> {
      const body: ArrayBuffer = await call(() =>
        client
          .api(graphPath`/users/${mailboxId}/messages/${itemId}/$value`)
          .responseType(ResponseType.ARRAYBUFFER)
          .get(),
      );
      return Buffer.from(body);
    },

    async attachments(mailboxId: string, messageId: string): Promise<GraphAttachment[]> {
      const page: { value?: GraphAttachment[] } = await call(() =>
        client.api(graphPath`/users/${mailboxId}/messages/${messageId}/attachments`).get(),
      );
      return page.value ?? [];
    },
  };
}

export type MailboxReader = ReturnType<typeof createMailboxReader>;

/** Graph's "not there" answers, for an item id or for a mailbox without Exchange Online. */
const NOT_FOUND = new Set([
  'ErrorItemNotFound',
  'ErrorInvalidIdMalformed',
  'MailboxNotEnabledForRESTAPI',
  'ResourceNotFound',
  'Request_ResourceNotFound',
]);

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const failure = error as { statusCode?: number; code?: string | null };
    if (failure.statusCode === 404 || (failure.statusCode === 400 && NOT_FOUND.has(failure.code ?? '')))
      throw new MessageNotFound(failure.code ?? null);
    throw problems.graphUnavailable(
      `the reported message could not be read from the mailbox (${failure.statusCode ?? 'network error'})`,
    );
  }
}
