import fp from 'fastify-plugin';
import type { Capability } from '@clawback/shared';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { createRoleService, type CallerAccess, type RoleService } from '../roles/role-service.js';
import { problems } from '../http/problem.js';
import { auditContext } from './audit.js';

declare module 'fastify' {
  interface FastifyInstance {
    roles: RoleService;
    /** A preHandler refusing callers without the capability; `fresh` re-reads roles from Graph. */
    requireCapability(capability: Capability, options?: { fresh?: boolean }): preHandlerAsyncHookHandler;
    /** The caller's roles and capabilities (cached per request). */
    accessOf(request: FastifyRequest, options?: { fresh?: boolean }): Promise<CallerAccess>;
  }
  interface FastifyRequest {
    access: CallerAccess | null;
  }
}

const NO_ACCESS: CallerAccess = { roles: [], capabilities: [] };

/** Roles from Graph → capabilities, and the guard routes use. Denials are 403 and audited. */
export default fp(
  async (fastify) => {
    const roles = createRoleService(fastify.graph, fastify.config.roleCacheSeconds);
    fastify.decorate('roles', roles);
    fastify.decorateRequest('access', null);

    async function accessOf(
      request: FastifyRequest,
      options: { fresh?: boolean } = {},
    ): Promise<CallerAccess> {
      const caller = request.caller;
      if (!caller) return NO_ACCESS;
      // Guests never administer Clawback: no directory lookup is made for them.
      if (caller.kind === 'user' && caller.isGuest) return NO_ACCESS;
      if (!request.access || options.fresh) request.access = await roles.access(caller, options);
      return request.access;
    }
    fastify.decorate('accessOf', accessOf);

    fastify.decorate('requireCapability', (capability: Capability, options: { fresh?: boolean } = {}) => {
      const guard: preHandlerAsyncHookHandler = async function (request) {
        const access = await accessOf(request, options);
        if (access.capabilities.includes(capability)) return;
        await fastify.audit.record({
          ...auditContext(request),
          action: 'access.denied',
          outcome: 'denied',
          details: {
            capability,
            route: request.routeOptions.url,
            method: request.method,
            roles: access.roles,
          },
        });
        throw problems.roleRequired(
          `this needs the '${capability}' capability, which your directory roles do not grant`,
        );
      };
      return guard;
    });
  },
  { name: 'roles', dependencies: ['graph', 'audit', 'auth'] },
);
