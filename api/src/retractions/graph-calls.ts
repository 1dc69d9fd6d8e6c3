// The Graph requests a retraction makes, built only through graphPath/odataQuery/odataString so
// the message id and mailbox ids are escaped wherever they appear.
import { ACTION_DESTINATIONS, type RetractionAction } from '@clawback/shared';
import type { GraphCall } from '../graph/executor.js';
import { graphPath, odataQuery, odataString } from '../graph/odata.js';

export type CallPurpose =
  | 'search'
  | 'searchDeleted'
  | 'inbox'
  | 'target'
  | 'folderName'
  | 'act'
  | 'recheck'
  | 'evidence'
  | 'meeting'
  | 'events'
  | 'eventAct'
  | 'notice';

export interface RetractionCall extends GraphCall {
  mailbox: string;
  purpose: CallPurpose;
  /** The copy or folder a call is about. */
  ref?: string;
}

const SEARCH_FIELDS = 'id,parentFolderId,isRead,receivedDateTime,subject,from,toRecipients,ccRecipients';

export function searchCall(mailbox: string, internetMessageId: string): RetractionCall {
  const query = odataQuery({
    $filter: `internetMessageId eq ${odataString(internetMessageId)}`,
    $select: SEARCH_FIELDS,
    $top: 50,
  });
  return { method: 'GET', url: graphPath`/users/${mailbox}/messages` + query, mailbox, purpose: 'search' };
}

/** Soft-deleted copies live in Recoverable Items, outside /messages: a hard delete must find them too. */
export function searchDeletedCall(mailbox: string, internetMessageId: string): RetractionCall {
  const query = odataQuery({
    $filter: `internetMessageId eq ${odataString(internetMessageId)}`,
    $select: SEARCH_FIELDS,
    $top: 50,
  });
  return {
    method: 'GET',
    url: graphPath`/users/${mailbox}/mailFolders/${'recoverableitemsdeletions'}/messages` + query,
    mailbox,
    purpose: 'searchDeleted',
  };
}

export function folderCall(
  mailbox: string,
  folder: string,
  purpose: 'inbox' | 'target' | 'folderName',
): RetractionCall {
  return {
    method: 'GET',
    url: graphPath`/users/${mailbox}/mailFolders/${folder}` + odataQuery({ $select: 'id,displayName' }),
    mailbox,
    purpose,
    ref: folder,
  };
}

/** The action on one copy; `destination` overrides the action's folder (undo moves back). */
export function actionCall(
  mailbox: string,
  messageId: string,
  action: RetractionAction,
  destination?: string,
): RetractionCall {
  const folder = destination ?? ACTION_DESTINATIONS[action];
  if (folder === null)
    return {
      method: 'POST',
      url: graphPath`/users/${mailbox}/messages/${messageId}/permanentDelete`,
      mailbox,
      purpose: 'act',
      ref: messageId,
    };
  return {
    method: 'POST',
    url: graphPath`/users/${mailbox}/messages/${messageId}/move`,
    body: { destinationId: folder },
    mailbox,
    purpose: 'act',
    ref: messageId,
  };
}

export function recheckCall(mailbox: string, messageId: string): RetractionCall {
  return {
    method: 'GET',
    url: graphPath`/users/${mailbox}/messages/${messageId}` + odataQuery({ $select: 'id,parentFolderId' }),
    mailbox,
    purpose: 'recheck',
    ref: messageId,
  };
}

export function mimePath(mailbox: string, messageId: string): string {
  return graphPath`/users/${mailbox}/messages/${messageId}/$value`;
}

interface GraphErrorBody {
  error?: { code?: string; message?: string };
}

/** Why a mailbox cannot be searched or acted on, from Graph's answer; null when it is a real failure. */
export function skipReason(status: number, body: unknown): 'outOfScope' | 'noMailbox' | null {
  const error = (body as GraphErrorBody | undefined)?.error;
  if (status === 403 && /AccessPolicy|RAOP|ApplicationAccessPolicy|RBAC/i.test(error?.message ?? ''))
    return 'outOfScope';
  if (
    status === 404 &&
    (error?.code === 'MailboxNotEnabledForRESTAPI' ||
      error?.code === 'ErrorInvalidUser' ||
      error?.code === 'ResourceNotFound')
  )
    return 'noMailbox';
  return null;
}

export function failureReason(status: number, body: unknown): string {
  const error = (body as GraphErrorBody | undefined)?.error;
  return `${status}${error?.code ? ` ${error.code}` : ''}`;
}
