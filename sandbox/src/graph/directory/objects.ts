// Collections of mixed directory objects (members, memberOf, role members): each item carries its
// @odata.type, unless the request casts the collection to one type (…/microsoft.graph.group).
import { graphErrors } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import type { TenantState } from '../../state/tenant.js';
import type { SandboxDirectoryRole, SandboxUser } from '../../state/types.js';
import { parseTop, refuseUnsupported } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { sortedById, type ObjectRef } from './directory-index.js';
import { pagedCollection } from './paging.js';
import { advancedQuery, contextFragment, parseSelection, project, refuseSearch } from './query.js';
import {
  DIRECTORY_OBJECT_PROPERTIES,
  GROUP_PROPERTIES,
  ODATA_TYPE,
  ROLE_PROPERTIES,
  USER_DEFAULT_PROPERTIES,
  USER_PROPERTIES,
  groupResource,
  roleResource,
  userResource,
  type ObjectKind,
} from './resources.js';

const CASTS: Record<ObjectKind, { set: string; typeName: string; known: ReadonlyMap<string, string> }> = {
  user: { set: 'users', typeName: 'microsoft.graph.user', known: USER_PROPERTIES },
  group: { set: 'groups', typeName: 'microsoft.graph.group', known: GROUP_PROPERTIES },
  directoryRole: { set: 'directoryRoles', typeName: 'microsoft.graph.directoryRole', known: ROLE_PROPERTIES },
};

/** A user by object id or userPrincipalName (not by other addresses), else Graph's 404. */
export function userByIdOrUpn(tenant: TenantState, key: string): SandboxUser {
  const byId = tenant.users.get(key) ?? tenant.users.get(key.toLowerCase());
  if (byId) return byId;
  const found = tenant.findUser(key);
  if (found && found.userPrincipalName.toLowerCase() === key.toLowerCase()) return found;
  throw graphErrors.resourceNotFound(key);
}

export function roleById(tenant: TenantState, id: string): SandboxDirectoryRole | undefined {
  for (const role of tenant.roles.values()) if (role.id === id.toLowerCase()) return role;
  return undefined;
}

export function resourceOf(tenant: TenantState, ref: ObjectRef): Record<string, unknown> | null {
  if (ref.kind === 'user') {
    const user = tenant.users.get(ref.id);
    return user ? userResource(user) : null;
  }
  if (ref.kind === 'group') {
    const group = tenant.groups.get(ref.id);
    return group ? groupResource(group, tenant) : null;
  }
  const role = roleById(tenant, ref.id);
  return role ? roleResource(role) : null;
}

/** Ids of users and groups as typed references; ids of deleted objects are skipped. */
export function refsOf(tenant: TenantState, ids: Iterable<string>): ObjectRef[] {
  const refs: ObjectRef[] = [];
  for (const id of ids) {
    if (tenant.users.has(id)) refs.push({ id, kind: 'user' });
    else if (tenant.groups.has(id)) refs.push({ id, kind: 'group' });
    else if (roleById(tenant, id)) refs.push({ id, kind: 'directoryRole' });
  }
  return sortedById(new Map(refs.map((ref) => [ref.id, ref])));
}

/** Lists directory objects (sorted by id) with $select, $top, paging and Graph's type annotations. */
export function objectCollection(
  request: SandboxRequest,
  context: GraphContext,
  options: { collection: string; refs: readonly ObjectRef[]; cast: ObjectKind | null },
): SandboxResponse {
  refuseUnsupported(request, ['$select', '$top', '$skiptoken', '$count', '$search']);
  refuseSearch(request);
  const { cast } = options;
  const type = cast ? CASTS[cast] : null;
  const selection = parseSelection(
    request,
    type?.known ?? DIRECTORY_OBJECT_PROPERTIES,
    type?.typeName ?? 'microsoft.graph.directoryObject',
  );
  const tenant = context.sandbox.tenant;
  const refs = cast ? options.refs.filter((ref) => ref.kind === cast) : options.refs;
  return pagedCollection(request, context, {
    collection: `${options.collection}/${cast ?? 'all'}`,
    items: refs,
    accept: null,
    size: parseTop(request, 100, 999),
    fragment: contextFragment(type?.set ?? 'directoryObjects', selection),
    count: advancedQuery(request).count,
    render: (ref) =>
      project(
        resourceOf(tenant, ref) ?? { id: ref.id },
        ref.kind === 'user' ? USER_DEFAULT_PROPERTIES : null,
        selection,
        cast ? {} : { odataType: ODATA_TYPE[ref.kind] },
      ),
  });
}
