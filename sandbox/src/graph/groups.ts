// Graph groups: list ($select, $filter, $top, paging), get, delta (with members@delta), and direct or
// transitive members, optionally cast to users or groups. Distribution lists, security groups,
// mail-enabled security groups and Microsoft 365 groups differ only in mailEnabled,
// securityEnabled and groupTypes, as in Entra.
import { GraphError, graphErrors } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { TenantState } from '../state/tenant.js';
import type { SandboxGroup } from '../state/types.js';
import { deltaHandler, type DeltaState } from './directory/delta.js';
import { directoryIndex, firstAfter } from './directory/directory-index.js';
import { GROUP_FILTER, directoryFilter } from './directory/filter.js';
import { objectCollection, refsOf } from './directory/objects.js';
import { pagedCollection } from './directory/paging.js';
import { advancedQuery, contextFragment, parseSelection, project, refuseSearch } from './directory/query.js';
import { GROUP_PROPERTIES, ODATA_TYPE, groupResource } from './directory/resources.js';
import { odataJson, parseTop, refuseUnsupported } from './odata.js';
import { PERMISSIONS, type GraphContext, type GraphRoute } from './registry.js';

const GROUP_TYPE = 'microsoft.graph.group';

function groupById(tenant: TenantState, id: string): SandboxGroup {
  const group = tenant.groups.get(id) ?? tenant.groups.get(id.toLowerCase());
  if (!group) throw graphErrors.resourceNotFound(id);
  return group;
}

function listGroups(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select', '$filter', '$top', '$count', '$skiptoken', '$search']);
  refuseSearch(request);
  const tenant = context.sandbox.tenant;
  const { advanced, count } = advancedQuery(request);
  const selection = parseSelection(request, GROUP_PROPERTIES, GROUP_TYPE);
  return pagedCollection(request, context, {
    collection: 'groups',
    items: directoryIndex(tenant).groupsById,
    accept: directoryFilter(request.query.get('$filter'), GROUP_FILTER, advanced),
    size: parseTop(request, 100, 999),
    fragment: contextFragment('groups', selection),
    count,
    render: (group) => project(groupResource(group, tenant), null, selection),
  });
}

function getGroup(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select']);
  const tenant = context.sandbox.tenant;
  const group = groupById(tenant, request.params.groupId ?? '');
  const selection = parseSelection(request, GROUP_PROPERTIES, GROUP_TYPE);
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${contextFragment('groups', selection, true)}`,
    ...project(groupResource(group, tenant), null, selection),
  });
}

/**
 * members@delta: the whole membership in the initial round; afterwards each member added or
 * removed since the round's starting point, the last change per member winning.
 */
function membersDelta(
  tenant: TenantState,
  group: SandboxGroup,
  state: DeltaState,
): Record<string, unknown>[] {
  if (state.r !== null)
    return refsOf(tenant, group.memberIds).map((ref) => ({
      '@odata.type': ODATA_TYPE[ref.kind],
      id: ref.id,
    }));
  const changes = tenant.memberChanges.get(group.id) ?? [];
  const latest = new Map<string, (typeof changes)[number]>();
  for (let i = firstAfter(changes, state.s); i < changes.length; i += 1)
    latest.set(changes[i]!.memberId, changes[i]!);
  return [...latest.values()].map((change) => ({
    '@odata.type': ODATA_TYPE[change.kind],
    id: change.memberId,
    ...(change.removed ? { '@removed': { reason: 'deleted' } } : {}),
  }));
}

const groupsDelta = deltaHandler<SandboxGroup>({
  collection: 'groups',
  resourceName: 'Group',
  typeName: GROUP_TYPE,
  known: GROUP_PROPERTIES,
  log: (index) => index.groupLog,
  find: (tenant, id) => tenant.groups.get(id),
  render: (group, selection, state, tenant) => {
    const out = project(groupResource(group, tenant), null, selection, { alwaysId: true });
    const members = state.m ? membersDelta(tenant, group, state) : [];
    if (members.length) out['members@delta'] = members;
    return out;
  },
  initial: (request) => {
    // Membership is tracked by default, or when members is selected or expanded.
    const expand = request.query.get('$expand');
    if (expand !== null && expand.trim().toLowerCase() !== 'members')
      throw new GraphError(400, 'Request_BadRequest', `$expand=${expand} is not supported on groups/delta.`);
    const raw = request.query.get('$select');
    if (raw === null || raw.trim() === '') return { select: null, members: true };
    const names = raw
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const rest = names.filter((name) => name.toLowerCase() !== 'members');
    return {
      select: rest.length ? rest.join(',') : 'id',
      members: expand !== null || rest.length < names.length,
    };
  },
});

function members(scope: 'direct' | 'transitive', cast: 'user' | 'group' | null) {
  return (request: SandboxRequest, context: GraphContext): SandboxResponse => {
    const tenant = context.sandbox.tenant;
    const group = groupById(tenant, request.params.groupId ?? '');
    const refs =
      scope === 'direct'
        ? refsOf(tenant, group.memberIds)
        : directoryIndex(tenant).transitiveMembers(group.id);
    return objectCollection(request, context, { collection: `${scope}Members:${group.id}`, refs, cast });
  };
}

const memberRoutes = (['members', 'transitiveMembers'] as const).flatMap((segment) =>
  ([null, 'user', 'group'] as const).map((cast): GraphRoute => ({
    method: 'GET',
    path: `/groups/:groupId/${segment}${cast ? `/microsoft.graph.${cast}` : ''}`,
    permissions: PERMISSIONS.groupMemberRead,
    handler: members(segment === 'members' ? 'direct' : 'transitive', cast),
  })),
);

export const routes: GraphRoute[] = [
  { method: 'GET', path: '/groups', permissions: PERMISSIONS.groupMemberRead, handler: listGroups },
  { method: 'GET', path: '/groups/delta', permissions: PERMISSIONS.groupMemberRead, handler: groupsDelta },
  {
    method: 'GET',
    path: '/groups/microsoft.graph.delta',
    permissions: PERMISSIONS.groupMemberRead,
    handler: groupsDelta,
  },
  { method: 'GET', path: '/groups/:groupId', permissions: PERMISSIONS.groupMemberRead, handler: getGroup },
  ...memberRoutes,
];
