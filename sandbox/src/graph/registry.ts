// How Graph resource modules declare their routes: path, the application permissions Graph
// requires (any one suffices), and a handler over the tenant.
import type { Method } from '../http/router.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxContext } from '../context.js';
import type { Mailbox, SandboxApp, SandboxUser } from '../state/types.js';

export interface GraphCaller {
  app: SandboxApp;
  roles: ReadonlySet<string>;
}

export interface PreferOptions {
  /** `Prefer: IdType="ImmutableId"`: ids in responses stay stable across moves. */
  immutableId: boolean;
  /** `Prefer: outlook.body-content-type="text"`. */
  bodyContentType: 'html' | 'text' | null;
  /** `Prefer: odata.maxpagesize=N`. */
  maxPageSize: number | null;
}

export interface GraphContext {
  sandbox: SandboxContext;
  caller: GraphCaller;
  prefer: PreferOptions;
  requestId: string;
  /** e.g. https://localhost:4443/v1.0 */
  baseUrl: string;
  /** Set on mailbox routes (/users/{id}/messages...): resolved, licensed, in scope and admitted. */
  mailboxOwner: SandboxUser | null;
  mailbox: Mailbox | null;
  /** Runs another Graph request through the whole pipeline (for $batch). */
  dispatch: (request: SandboxRequest) => Promise<SandboxResponse | 'drop'>;
}

export type GraphHandler = (
  request: SandboxRequest,
  context: GraphContext,
) => SandboxResponse | Promise<SandboxResponse>;

export interface GraphRoute {
  method: Method;
  /** Path under the version prefix, e.g. /users/:userId/messages */
  path: string;
  /** Application permissions of which the token must hold at least one. */
  permissions: readonly string[];
  handler: GraphHandler;
  /** API versions that serve it; default v1.0 only. */
  versions?: readonly ('v1.0' | 'beta')[];
  /** Answered by Graph's front end itself ($batch): no injected faults or latency; inner requests get them. */
  frontEnd?: boolean;
}

/** Route segments after /users/{id}/ that Exchange serves, and so are mailbox-throttled. */
export const MAILBOX_SEGMENTS = new Set([
  'messages',
  'mailfolders',
  'events',
  'calendarview',
  'calendar',
  'sendmail',
  'mailboxsettings',
]);

export const PERMISSIONS = {
  mailRead: ['Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'],
  mailReadFull: ['Mail.Read', 'Mail.ReadWrite'],
  mailWrite: ['Mail.ReadWrite'],
  mailSend: ['Mail.Send'],
  calendarRead: ['Calendars.Read', 'Calendars.ReadWrite'],
  calendarWrite: ['Calendars.ReadWrite'],
  userRead: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  groupRead: ['Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  groupMemberRead: [
    'GroupMember.Read.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  domainRead: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  organizationRead: [
    'Organization.Read.All',
    'Organization.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  roleRead: [
    'RoleManagement.Read.Directory',
    'RoleManagement.Read.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
    'RoleManagement.ReadWrite.Directory',
  ],
} as const;
