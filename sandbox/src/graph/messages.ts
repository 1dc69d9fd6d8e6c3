// Graph messages: lists, one message, its MIME and attachments, and the actions Clawback retracts
// with (move, delete, permanentDelete). Every item route exists both under /messages/{id} and under
// /mailFolders/{id}/messages/{id}, as Graph serves both.
import { PERMISSIONS, type GraphHandler, type GraphRoute } from './registry.js';
import type { Method } from '../http/router.js';
import { attachmentValue, getAttachment, listAttachments } from './mail/attachments.js';
import {
  deleteMessage,
  getMessage,
  getMessageMime,
  moveMessageAction,
  permanentDeleteMessage,
  updateMessage,
} from './mail/message-item.js';
import { listMessages } from './mail/message-list.js';

const MAILBOX = '/users/:userId';
const PARENTS = [`${MAILBOX}/messages`, `${MAILBOX}/mailFolders/:folderId/messages`];

/** [method, path under a message, permissions, handler] */
const ITEM_ROUTES: [Method, string, readonly string[], GraphHandler][] = [
  // Mail.ReadBasic.All may read an item without its body; the handler enforces the body part.
  ['GET', '', PERMISSIONS.mailRead, getMessage],
  ['PATCH', '', PERMISSIONS.mailWrite, updateMessage],
  ['DELETE', '', PERMISSIONS.mailWrite, deleteMessage],
  ['GET', '/$value', PERMISSIONS.mailReadFull, getMessageMime],
  ['GET', '/attachments', PERMISSIONS.mailReadFull, listAttachments],
  ['GET', '/attachments/:attachmentId', PERMISSIONS.mailReadFull, getAttachment],
  ['GET', '/attachments/:attachmentId/$value', PERMISSIONS.mailReadFull, attachmentValue],
  ['POST', '/move', PERMISSIONS.mailWrite, moveMessageAction],
  ['POST', '/permanentDelete', PERMISSIONS.mailWrite, permanentDeleteMessage],
];

export const routes: GraphRoute[] = PARENTS.flatMap((parent) => [
  { method: 'GET' as const, path: parent, permissions: PERMISSIONS.mailRead, handler: listMessages },
  ...ITEM_ROUTES.map(([method, suffix, permissions, handler]) => ({
    method,
    path: `${parent}/:messageId${suffix}`,
    permissions,
    handler,
  })),
]);
