// Graph users: list ($select, $filter, $top, opaque paging), get by id or UPN, delta, and the
// memberships a user holds (groups and directory roles, direct or transitive, with type casts).
import { graphErrors } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxUser } from '../state/types.js';
import { deltaHandler } from './directory/delta.js';
import { directoryIndex } from './directory/directory-index.js';
import { USER_FILTER, directoryFilter } from './directory/filter.js';
import { objectCollection, refsOf, userByIdOrUpn } from './directory/objects.js';
import { pagedCollection } from './directory/paging.js';
import { advancedQuery, contextFragment, parseSelection, project, refuseSearch } from './directory/query.js';
import {
  USER_DEFAULT_PROPERTIES,
  USER_PROPERTIES,
  userResource,
  type ObjectKind,
} from './directory/resources.js';
import { odataJson, parseTop, refuseUnsupported } from './odata.js';
import { PERMISSIONS, type GraphContext, type GraphRoute } from './registry.js';

const USER_TYPE = 'microsoft.graph.user';

/** Reading a user's memberships: User.Read.All or any group-membership permission. */
const MEMBERSHIP_READ = [...new Set([...PERMISSIONS.userRead, ...PERMISSIONS.groupMemberRead])];

function listUsers(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select', '$filter', '$top', '$count', '$skiptoken', '$search']);
  refuseSearch(request);
  const { advanced, count } = advancedQuery(request);
  const selection = parseSelection(request, USER_PROPERTIES, USER_TYPE);
  const accept = directoryFilter(request.query.get('$filter'), USER_FILTER, advanced);
  return pagedCollection(request, context, {
    collection: 'users',
    items: directoryIndex(context.sandbox.tenant).usersById,
    accept,
    size: parseTop(request, 100, 999),
    fragment: contextFragment('users', selection),
    count,
    render: (user) => project(userResource(user), USER_DEFAULT_PROPERTIES, selection),
  });
}

function getUser(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select']);
  const user = userByIdOrUpn(context.sandbox.tenant, request.params.userId ?? '');
  const selection = parseSelection(request, USER_PROPERTIES, USER_TYPE);
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${contextFragment('users', selection, true)}`,
    ...project(userResource(user), USER_DEFAULT_PROPERTIES, selection),
  });
}

const usersDelta = deltaHandler<SandboxUser>({
  collection: 'users',
  resourceName: 'User',
  typeName: USER_TYPE,
  known: USER_PROPERTIES,
  log: (index) => index.userLog,
  find: (tenant, id) => tenant.users.get(id),
  render: (user, selection) =>
    project(userResource(user), USER_DEFAULT_PROPERTIES, selection, { alwaysId: true }),
  initial: (request) => {
    // Delta on users supports $expand=manager only, which the sandbox does not model.
    if (request.query.get('$expand') !== null) throw graphErrors.notImplemented('$expand on users/delta');
    return { select: request.query.get('$select'), members: false };
  },
});

/** memberOf / transitiveMemberOf, optionally cast to groups or directory roles. */
function memberships(scope: 'direct' | 'transitive', cast: ObjectKind | null) {
  return (request: SandboxRequest, context: GraphContext): SandboxResponse => {
    const tenant = context.sandbox.tenant;
    const user = userByIdOrUpn(tenant, request.params.userId ?? '');
    const index = directoryIndex(tenant);
    const groupIds = scope === 'direct' ? [...index.parents(user.id)] : index.transitiveGroupsOf(user.id);
    // A role held by a group the user is in counts as a transitive membership of that role.
    const principals = new Set(scope === 'direct' ? [user.id] : [user.id, ...groupIds]);
    const roleIds = [...tenant.roles.values()]
      .filter((role) => role.memberIds.some((member) => principals.has(member)))
      .map((role) => role.id);
    const refs = refsOf(tenant, [...groupIds, ...roleIds]);
    return objectCollection(request, context, { collection: `${scope}MemberOf:${user.id}`, refs, cast });
  };
}

const membershipRoutes = (['memberOf', 'transitiveMemberOf'] as const).flatMap((segment) => {
  const scope = segment === 'memberOf' ? 'direct' : 'transitive';
  return ([null, 'group', 'directoryRole'] as const).map((cast): GraphRoute => ({
    method: 'GET',
    path: `/users/:userId/${segment}${cast ? `/microsoft.graph.${cast}` : ''}`,
    permissions: MEMBERSHIP_READ,
    handler: memberships(scope, cast),
  }));
});

export const routes: GraphRoute[] = [
  { method: 'GET', path: '/users', permissions: PERMISSIONS.userRead, handler: listUsers },
  { method: 'GET', path: '/users/delta', permissions: PERMISSIONS.userRead, handler: usersDelta },
  // The SDKs call the fully qualified function name.
  {
    method: 'GET',
    path: '/users/microsoft.graph.delta',
    permissions: PERMISSIONS.userRead,
    handler: usersDelta,
  },
  { method: 'GET', path: '/users/:userId', permissions: PERMISSIONS.userRead, handler: getUser },
  ...membershipRoutes,
];
