// Directory changes through the control plane (users, groups, domains, role members), for sync
// tests. Each change bumps the tenant's sequence, so the next users/delta or groups/delta round
// returns exactly it. Handlers read `sandbox.tenant` per request: a reset swaps the tenant.
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxContext } from '../context.js';
import { createUser, deleteUser, updateUser, userView } from './directory-users.js';
import {
  addGroupMember,
  addRoleMember,
  createDomain,
  createGroup,
  groupView,
  removeGroupMember,
  removeRoleMember,
  roleView,
} from './directory-groups.js';

export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: (
    request: SandboxRequest,
    body: Record<string, unknown>,
  ) => SandboxResponse | Promise<SandboxResponse>;
}

function json(body: unknown, status = 200): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

export function directoryControlRoutes(sandbox: SandboxContext): ControlRoute[] {
  const param = (request: SandboxRequest, name: string) => request.params[name] ?? '';
  return [
    {
      method: 'GET',
      path: '/users',
      handler: () => json([...sandbox.tenant.users.values()].map(userView)),
    },
    {
      method: 'POST',
      path: '/users',
      handler: (_request, body) => json(userView(createUser(sandbox.tenant, body)), 201),
    },
    {
      method: 'PATCH',
      path: '/users/:user',
      handler: (request, body) => json(userView(updateUser(sandbox.tenant, param(request, 'user'), body))),
    },
    {
      method: 'DELETE',
      path: '/users/:user',
      handler: (request) => json(userView(deleteUser(sandbox.tenant, param(request, 'user')))),
    },
    {
      method: 'GET',
      path: '/groups',
      handler: () => json([...sandbox.tenant.groups.values()].map(groupView)),
    },
    {
      method: 'POST',
      path: '/groups',
      handler: (_request, body) => json(groupView(createGroup(sandbox.tenant, body)), 201),
    },
    {
      method: 'POST',
      path: '/groups/:group/members/:member',
      handler: (request) =>
        json(groupView(addGroupMember(sandbox.tenant, param(request, 'group'), param(request, 'member')))),
    },
    {
      method: 'DELETE',
      path: '/groups/:group/members/:member',
      handler: (request) =>
        json(groupView(removeGroupMember(sandbox.tenant, param(request, 'group'), param(request, 'member')))),
    },
    {
      method: 'POST',
      path: '/domains',
      handler: (_request, body) => {
        const { seq: _seq, ...domain } = createDomain(sandbox.tenant, body);
        return json(domain, 201);
      },
    },
    {
      method: 'POST',
      path: '/roles/:roleTemplateId/members',
      handler: (request, body) =>
        json(roleView(addRoleMember(sandbox.tenant, param(request, 'roleTemplateId'), body)), 201),
    },
    {
      method: 'DELETE',
      path: '/roles/:roleTemplateId/members/:member',
      handler: (request) =>
        json(
          roleView(
            removeRoleMember(sandbox.tenant, param(request, 'roleTemplateId'), param(request, 'member')),
          ),
        ),
    },
  ];
}
