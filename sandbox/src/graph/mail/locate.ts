// Finding folders and messages the way Exchange does behind Graph: a well-known name or an id; any
// other string is parsed as an id and fails as malformed; the dumpster's Purges and Versions are
// beyond every Graph call.
import { assert, graphErrors } from '../../http/errors.js';
import { findMessage } from '../../state/mail.js';
import type { Mailbox, MailFolder, StoredMessage } from '../../state/types.js';
import type { GraphContext } from '../registry.js';

/** Graph's well-known folder names (the mailFolder resource's table). Purges, Versions and the
 * Recoverable Items root are EWS names only, so Graph parses them as ids: malformed. */
export const WELL_KNOWN_FOLDERS: ReadonlySet<string> = new Set([
  'archive',
  'clutter',
  'conflicts',
  'conversationhistory',
  'deleteditems',
  'drafts',
  'inbox',
  'junkemail',
  'localfailures',
  'msgfolderroot',
  'outbox',
  'recoverableitemsdeletions',
  'scheduled',
  'searchfolders',
  'sentitems',
  'serverfailures',
  'syncissues',
]);

/**
 * Exchange ids are URL-safe base64 of a binary entry id whose leading flag bytes are zero, so they
 * start with "AA". A display name such as "Projects" does not decode to one: malformed, not unknown.
 */
const ID_SHAPE = /^AA[A-Za-z0-9_-]{20,}={0,2}$/;

export function isWellFormedId(id: string): boolean {
  return ID_SHAPE.test(id);
}

/** Deletions is the one dumpster folder Graph reaches (by its well-known name). */
export function isGraphReachable(folder: MailFolder): boolean {
  return !folder.isRecoverable || folder.wellKnownName === 'recoverableitemsdeletions';
}

/** True for folders under msgfolderroot: what /users/{id}/messages lists. */
export function inIpmSubtree(mailbox: Mailbox, folder: MailFolder): boolean {
  let current: MailFolder | undefined = folder;
  for (let depth = 0; current && depth < 64; depth += 1) {
    if (current.wellKnownName === 'msgfolderroot') return true;
    current = current.parentFolderId ? mailbox.folders.get(current.parentFolderId) : undefined;
  }
  return false;
}

export function resolveFolder(mailbox: Mailbox, ref: string): MailFolder {
  const name = ref.toLowerCase();
  if (WELL_KNOWN_FOLDERS.has(name)) {
    for (const folder of mailbox.folders.values()) if (folder.wellKnownName === name) return folder;
    throw graphErrors.itemNotFound();
  }
  if (!isWellFormedId(ref)) throw graphErrors.idMalformed();
  const folder = mailbox.folders.get(ref);
  if (!folder || !isGraphReachable(folder)) throw graphErrors.itemNotFound();
  return folder;
}

/** A message by REST or immutable id; items in Purges and Versions are as good as gone. */
export function resolveMessage(mailbox: Mailbox, id: string): StoredMessage {
  if (!isWellFormedId(id)) throw graphErrors.idMalformed();
  const message = findMessage(mailbox, id);
  const folder = message ? mailbox.folders.get(message.folderId) : undefined;
  if (!message || !folder || !isGraphReachable(folder)) throw graphErrors.itemNotFound();
  return message;
}

/** The id a response carries: immutable when the request asked for it, else the current REST id. */
export function wireId(context: GraphContext, message: StoredMessage): string {
  return context.prefer.immutableId ? message.immutableId : message.restId;
}

/** The mailbox resolved by the pipeline for /users/{id}/... routes. */
export function mailboxOf(context: GraphContext): Mailbox {
  assert(context.mailbox, 500, 'InternalServerError', 'The route is not a mailbox route.');
  return context.mailbox;
}

/** Mail.ReadBasic.All alone: no body, preview, headers, attachments or MIME. */
export function basicOnly(context: GraphContext): boolean {
  return !context.caller.roles.has('Mail.Read') && !context.caller.roles.has('Mail.ReadWrite');
}
