// Graph mail folders: the top level under msgfolderroot, one folder, its child folders, custom
// folder creation, and message delta per folder.
import { PERMISSIONS, type GraphRoute } from './registry.js';
import { createFolder, getFolder, listFolders } from './mail/folders.js';
import { messageDelta } from './mail/message-delta.js';

const FOLDERS = '/users/:userId/mailFolders';

export const routes: GraphRoute[] = [
  { method: 'GET', path: FOLDERS, permissions: PERMISSIONS.mailRead, handler: listFolders },
  { method: 'POST', path: FOLDERS, permissions: PERMISSIONS.mailWrite, handler: createFolder },
  { method: 'GET', path: `${FOLDERS}/:folderId`, permissions: PERMISSIONS.mailRead, handler: getFolder },
  {
    method: 'GET',
    path: `${FOLDERS}/:folderId/childFolders`,
    permissions: PERMISSIONS.mailRead,
    handler: listFolders,
  },
  {
    method: 'POST',
    path: `${FOLDERS}/:folderId/childFolders`,
    permissions: PERMISSIONS.mailWrite,
    handler: createFolder,
  },
  {
    method: 'GET',
    path: `${FOLDERS}/:folderId/messages/delta`,
    permissions: PERMISSIONS.mailRead,
    handler: messageDelta,
  },
];
