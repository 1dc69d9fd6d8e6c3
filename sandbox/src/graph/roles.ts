// Directory roles: the activated roles and their members, role assignments with $filter and
// $expand=principal, and beta's transitiveRoleAssignments (which only answers advanced queries).
import { GraphError } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { TenantState } from '../state/tenant.js';
import type { SandboxDirectoryRole } from '../state/types.js';
import { directoryIndex } from './directory/directory-index.js';
import { ROLE_FILTER, directoryFilter } from './directory/filter.js';
import { objectCollection, refsOf, resourceOf, roleById } from './directory/objects.js';
import { advancedQuery, contextFragment, parseSelection, project } from './directory/query.js';
import { ODATA_TYPE, ROLE_PROPERTIES, roleResource } from './directory/resources.js';
import {
  assignmentResource,
  directAssignments,
  matchesAssignment,
  parseAssignmentFilter,
  roleDefinitionResource,
  type AssignmentRow,
} from './directory/role-assignments.js';
import { odataJson, refuseUnsupported } from './odata.js';
import { PERMISSIONS, type GraphContext, type GraphRoute } from './registry.js';

const ROLE_TYPE = 'microsoft.graph.directoryRole';

function roleFrom(request: SandboxRequest, tenant: TenantState): SandboxDirectoryRole {
  const { roleId, key } = request.params;
  if (key !== undefined) {
    // directoryRoles(roleTemplateId='…'): the router hands over "'…')".
    const templateId = /^'([^']*)'\)$/.exec(key)?.[1];
    const role = templateId ? tenant.roles.get(templateId.toLowerCase()) : undefined;
    if (!role) throw resourceNotFound(templateId ?? key);
    return role;
  }
  const role = roleById(tenant, roleId ?? '');
  if (!role) throw resourceNotFound(roleId ?? '');
  return role;
}

function resourceNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** Only activated roles, and no paging: the tenant has a few dozen at most. */
function listRoles(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select', '$filter']);
  const selection = parseSelection(request, ROLE_PROPERTIES, ROLE_TYPE);
  const accept = directoryFilter(request.query.get('$filter'), ROLE_FILTER, false);
  const roles = [...context.sandbox.tenant.roles.values()].filter((role) => !accept || accept(role));
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${contextFragment('directoryRoles', selection)}`,
    value: roles.map((role) => project(roleResource(role), null, selection)),
  });
}

function getRole(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select']);
  const role = roleFrom(request, context.sandbox.tenant);
  const selection = parseSelection(request, ROLE_PROPERTIES, ROLE_TYPE);
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${contextFragment('directoryRoles', selection, true)}`,
    ...project(roleResource(role), null, selection),
  });
}

function roleMembers(request: SandboxRequest, context: GraphContext): SandboxResponse {
  const tenant = context.sandbox.tenant;
  const role = roleFrom(request, tenant);
  return objectCollection(request, context, {
    collection: `roleMembers:${role.id}`,
    refs: refsOf(tenant, role.memberIds),
    cast: null,
  });
}

/** $expand=principal and/or roleDefinition, as Graph's unifiedRoleAssignment allows. */
function expansions(request: SandboxRequest): { principal: boolean; roleDefinition: boolean } {
  const raw = request.query.get('$expand');
  const names = (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names)
    if (name !== 'principal' && name !== 'roleDefinition')
      throw new GraphError(
        400,
        'Request_BadRequest',
        `Could not find a property named '${name}' on type 'microsoft.graph.unifiedRoleAssignment'.`,
      );
  return { principal: names.includes('principal'), roleDefinition: names.includes('roleDefinition') };
}

function assignmentsResponse(
  context: GraphContext,
  set: string,
  rows: AssignmentRow[],
  expand: { principal: boolean; roleDefinition: boolean },
  count: boolean,
): SandboxResponse {
  const tenant = context.sandbox.tenant;
  const kinds = [expand.principal ? 'principal()' : null, expand.roleDefinition ? 'roleDefinition()' : null];
  const suffix = kinds.filter(Boolean).join(',');
  const value = rows.map((row) => {
    const out = assignmentResource(row);
    if (expand.principal) {
      const [ref] = refsOf(tenant, [row.principalId]);
      out.principal = ref ? { '@odata.type': ODATA_TYPE[ref.kind], ...resourceOf(tenant, ref) } : null;
    }
    if (expand.roleDefinition) out.roleDefinition = roleDefinitionResource(row.role);
    return out;
  });
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${set}${suffix ? `(${suffix})` : ''}`,
    ...(count ? { '@odata.count': value.length } : {}),
    value,
  });
}

function listAssignments(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$filter', '$expand']);
  const filter = parseAssignmentFilter(request.query.get('$filter'));
  const rows = directAssignments(context.sandbox.tenant).filter((row) => matchesAssignment(row, filter));
  return assignmentsResponse(
    context,
    'roleManagement/directory/roleAssignments',
    rows,
    expansions(request),
    false,
  );
}

/**
 * Direct and group-derived assignments of one principal. A role held through a group is listed with
 * the group's id as principalId. Without ConsistencyLevel: eventual and $count=true Graph answers 404.
 */
function transitiveAssignments(request: SandboxRequest, context: GraphContext): SandboxResponse {
  if (!advancedQuery(request).advanced)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      "Resource not found for the segment 'transitiveRoleAssignments'.",
    );
  refuseUnsupported(request, ['$filter', '$count']);
  const filter = parseAssignmentFilter(request.query.get('$filter'));
  if (!filter.principalId)
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      'transitiveRoleAssignments requires a $filter on principalId (eq).',
    );
  const tenant = context.sandbox.tenant;
  const principalId = filter.principalId.toLowerCase();
  const principals = new Set([principalId, ...directoryIndex(tenant).transitiveGroupsOf(principalId)]);
  const rows = directAssignments(tenant).filter(
    (row) => principals.has(row.principalId) && matchesAssignment(row, { ...filter, principalId: undefined }),
  );
  return assignmentsResponse(
    context,
    'roleManagement/directory/transitiveRoleAssignments',
    rows,
    { principal: false, roleDefinition: false },
    true,
  );
}

const role = (path: string, handler: GraphRoute['handler']): GraphRoute => ({
  method: 'GET',
  path,
  permissions: PERMISSIONS.roleRead,
  handler,
});

export const routes: GraphRoute[] = [
  role('/directoryRoles', listRoles),
  role('/directoryRoles/:roleId', getRole),
  role('/directoryRoles/:roleId/members', roleMembers),
  role('/directoryRoles(roleTemplateId=:key', getRole),
  role('/directoryRoles(roleTemplateId=:key/members', roleMembers),
  role('/roleManagement/directory/roleAssignments', listAssignments),
  {
    ...role('/roleManagement/directory/transitiveRoleAssignments', transitiveAssignments),
    versions: ['beta'],
  },
];
