// unifiedRoleAssignment rows for directory roles: one per (role, principal) pair, with Entra's id
// format and the filter forms Graph accepts (eq on principalId, roleDefinitionId, directoryScopeId).
import { GraphError } from '../../http/errors.js';
import type { TenantState } from '../../state/tenant.js';
import type { SandboxDirectoryRole } from '../../state/types.js';
import { parseFilter, type FilterNode } from '../odata-filter.js';
import { guidBytes } from './resources.js';

export interface AssignmentRow {
  role: SandboxDirectoryRole;
  principalId: string;
}

export interface AssignmentFilter {
  principalId?: string;
  roleDefinitionId?: string;
  directoryScopeId?: string;
}

const FILTERABLE = ['principalId', 'roleDefinitionId', 'directoryScopeId'] as const;

/**
 * Entra's assignment id for a tenant-wide built-in role: base64url of the role template's GUID bytes
 * followed by the principal's, plus "-1" (e.g. "lAPpYvVpN0KRkAEhdxReE…-1" for Global Administrator).
 */
export function assignmentId(roleTemplateId: string, principalId: string): string {
  const bytes = Buffer.concat([guidBytes(roleTemplateId), guidBytes(principalId)]);
  return `${bytes.toString('base64url')}-1`;
}

export function assignmentResource(row: AssignmentRow): Record<string, unknown> {
  return {
    id: assignmentId(row.role.roleTemplateId, row.principalId),
    principalId: row.principalId,
    resourceScope: '/',
    directoryScopeId: '/',
    // Built-in roles: the role definition id is the template id.
    roleDefinitionId: row.role.roleTemplateId,
  };
}

export function roleDefinitionResource(role: SandboxDirectoryRole): Record<string, unknown> {
  return {
    id: role.roleTemplateId,
    description: role.description,
    displayName: role.displayName,
    isBuiltIn: true,
    isEnabled: true,
    resourceScopes: ['/'],
    templateId: role.roleTemplateId,
    version: null,
    rolePermissions: [],
  };
}

/** Direct assignments: every member of every activated role. */
export function directAssignments(tenant: TenantState): AssignmentRow[] {
  return [...tenant.roles.values()].flatMap((role) =>
    role.memberIds.map((principalId) => ({ role, principalId })),
  );
}

/** `principalId eq '…' and roleDefinitionId eq '…'`; any other shape is refused. */
export function parseAssignmentFilter(raw: string | null): AssignmentFilter {
  const filter: AssignmentFilter = {};
  if (raw === null || raw.trim() === '') return filter;
  const walk = (node: FilterNode): void => {
    if (node.type === 'and') {
      walk(node.left);
      walk(node.right);
      return;
    }
    const name =
      node.type === 'compare' && node.path.length === 1
        ? FILTERABLE.find((p) => p.toLowerCase() === node.path[0]!.toLowerCase())
        : undefined;
    if (!name || node.type !== 'compare' || node.op !== 'eq' || typeof node.value !== 'string')
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${'path' in node ? node.path.join('/') : node.type}' of resource 'UnifiedRoleAssignment'.`,
      );
    filter[name] = node.value;
  };
  walk(parseFilter(raw));
  return filter;
}

export function matchesAssignment(row: AssignmentRow, filter: AssignmentFilter): boolean {
  return (
    (filter.principalId === undefined || filter.principalId.toLowerCase() === row.principalId) &&
    (filter.roleDefinitionId === undefined ||
      filter.roleDefinitionId.toLowerCase() === row.role.roleTemplateId) &&
    (filter.directoryScopeId === undefined || filter.directoryScopeId === '/')
  );
}
