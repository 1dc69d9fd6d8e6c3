import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meResponseSchema, problemResponses } from '@clawback/shared';

/** Who the caller is and what Clawback lets them do. */
const meRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/me',
    {
      config: { auth: 'userOrApp' },
      schema: {
        summary: 'The caller, their directory roles and capabilities',
        response: { 200: meResponseSchema, ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const access = await fastify.accessOf(request);
      return {
        kind: caller.kind,
        oid: caller.oid,
        tenantId: caller.tenantId,
        upn: caller.kind === 'user' ? caller.upn : null,
        displayName: caller.kind === 'user' ? caller.displayName : caller.appId,
        isGuest: caller.kind === 'user' && caller.isGuest,
        roles: access.roles,
        capabilities: access.capabilities,
      };
    },
  );
};

export default meRoutes;
