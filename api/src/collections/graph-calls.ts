// The Graph requests collection makes, built only through graphPath/odataQuery so mailbox and folder
// ids are escaped wherever they appear. Every mail call asks for immutable ids (items keep their id
// when moved) and plain-text bodies (the seed: formatted text is captured as plain text).
import type { GraphCall } from '../graph/executor.js';
import { graphPath, odataQuery } from '../graph/odata.js';

export const MAIL_PREFER = 'IdType="ImmutableId", outlook.body-content-type="text"';
const PAGE = 250;
const FOLDER_PAGE = 100;
const DELTA_PAGE = 1000;

export type CollectionCallPurpose =
  'folders' | 'wellKnown' | 'delta' | 'messages' | 'attachments' | 'calendar';

export interface CollectionCall extends GraphCall {
  mailbox: string;
  purpose: CollectionCallPurpose;
  /** The folder, well-known name or message the call is about. */
  ref: string;
}

/** Well-known folders whose names the index records (and Recoverable Items' Deletions, hidden but collected). */
export const WELL_KNOWN_FOLDERS = [
  'inbox',
  'drafts',
  'sentitems',
  'deleteditems',
  'junkemail',
  'archive',
  'outbox',
  'clutter',
  'conversationhistory',
  'recoverableitemsdeletions',
] as const;

const headers = { Prefer: MAIL_PREFER };

function call(
  mailbox: string,
  purpose: CollectionCallPurpose,
  ref: string,
  url: string,
  extraHeaders: Record<string, string> = headers,
): CollectionCall {
  return { method: 'GET', url, headers: extraHeaders, mailbox, purpose, ref };
}

/** Top-level folders (or a folder's children), hidden ones included so they can be left out knowingly. */
export function foldersCall(mailbox: string, parent: string | null): CollectionCall {
  const query = odataQuery({
    includeHiddenFolders: 'true',
    $top: FOLDER_PAGE,
    $select: 'id,displayName,childFolderCount,isHidden',
  });
  const path =
    parent === null
      ? graphPath`/users/${mailbox}/mailFolders`
      : graphPath`/users/${mailbox}/mailFolders/${parent}/childFolders`;
  return call(mailbox, 'folders', parent ?? 'msgfolderroot', path + query);
}

export function wellKnownCall(mailbox: string, name: string): CollectionCall {
  return call(
    mailbox,
    'wellKnown',
    name,
    graphPath`/users/${mailbox}/mailFolders/${name}` + odataQuery({ $select: 'id,displayName' }),
  );
}

/** A folder's first delta round: only items received since the data source's start date. */
export function deltaCall(mailbox: string, folderId: string, since: Date): CollectionCall {
  const query = odataQuery({
    $select: 'receivedDateTime',
    $filter: `receivedDateTime ge ${since.toISOString()}`,
  });
  return call(
    mailbox,
    'delta',
    folderId,
    graphPath`/users/${mailbox}/mailFolders/${folderId}/messages/delta` + query,
    { Prefer: `${MAIL_PREFER}, odata.maxpagesize=${DELTA_PAGE}` },
  );
}

/** A folder's messages received in [start, end). The full default shape: meeting messages carry
 * meetingMessageType only when nothing is $selected. */
export function messagesCall(mailbox: string, folderId: string, start: Date, end: Date): CollectionCall {
  const query = odataQuery({
    $filter: `receivedDateTime ge ${start.toISOString()} and receivedDateTime lt ${end.toISOString()}`,
    $orderby: 'receivedDateTime asc',
    $top: PAGE,
  });
  return call(
    mailbox,
    'messages',
    folderId,
    graphPath`/users/${mailbox}/mailFolders/${folderId}/messages` + query,
  );
}

export function attachmentsCall(mailbox: string, messageId: string): CollectionCall {
  return call(
    mailbox,
    'attachments',
    messageId,
    graphPath`/users/${mailbox}/messages/${messageId}/attachments`,
  );
}

/** Calendar events overlapping [start, end). */
export function calendarCall(mailbox: string, start: Date, end: Date): CollectionCall {
  const query = odataQuery({
    startDateTime: start.toISOString(),
    endDateTime: end.toISOString(),
    $top: PAGE,
  });
  return call(mailbox, 'calendar', 'calendar', graphPath`/users/${mailbox}/calendarView` + query, {
    Prefer: `${MAIL_PREFER}, outlook.timezone="UTC"`,
  });
}

export function mimePath(mailbox: string, messageId: string): string {
  return graphPath`/users/${mailbox}/messages/${messageId}/$value`;
}

/**
 * A follow-up call for an @odata.nextLink or deltaLink: the same call with the link made relative to
 * the Graph root. Links to anywhere else are refused (they would carry our token elsewhere).
 */
export function followCall<C extends GraphCall>(previous: C, link: string, graphBaseUrl: string): C {
  return { ...previous, url: relativeLink(link, graphBaseUrl) };
}

export function relativeLink(link: string, graphBaseUrl: string): string {
  const base = graphBaseUrl.replace(/\/$/, '');
  if (!link.startsWith(`${base}/`)) throw new Error('Graph sent a link outside its own root');
  return link.slice(base.length);
}

interface GraphErrorBody {
  error?: { code?: string; message?: string };
}

export type MailboxVerdict = 'inactive' | 'outOfScope' | 'notFound';

/**
 * Graph answers that say a mailbox cannot be collected rather than that collection failed: unknown
 * (ErrorInvalidUser), inactive or unlicensed (MailboxNotEnabledForRESTAPI), outside the application
 * access policy or RBAC scope (403 with the RAOP message).
 */
export function mailboxVerdict(status: number, body: unknown): MailboxVerdict | null {
  const error = (body as GraphErrorBody | undefined)?.error;
  if (status === 404 && error?.code === 'MailboxNotEnabledForRESTAPI') return 'inactive';
  if (status === 404 && (error?.code === 'ErrorInvalidUser' || error?.code === 'ResourceNotFound'))
    return 'notFound';
  if (status === 403 && /RAOP|AccessPolicy|RBAC|ApplicationAccessPolicy/i.test(error?.message ?? ''))
    return 'outOfScope';
  return null;
}

export function graphFailure(status: number, body: unknown): string {
  const error = (body as GraphErrorBody | undefined)?.error;
  return `${status}${error?.code ? ` ${error.code}` : ''}${error?.message ? `: ${error.message}` : ''}`;
}
