// The Graph resources the sandbox serves, one module each.
import type { GraphRoute } from './registry.js';
import { routes as batch } from './batch.js';
import { routes as events } from './events.js';
import { routes as groups } from './groups.js';
import { routes as mailFolders } from './mail-folders.js';
import { routes as messages } from './messages.js';
import { routes as organization } from './organization.js';
import { routes as roles } from './roles.js';
import { routes as sendMail } from './send-mail.js';
import { routes as users } from './users.js';

export const graphRoutes: GraphRoute[] = [
  ...users,
  ...groups,
  ...roles,
  ...organization,
  ...messages,
  ...mailFolders,
  ...sendMail,
  ...events,
  ...batch,
];
