import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema, auditVerifySchema, problemResponses } from '@clawback/shared';
import { problems } from '../http/problem.js';

/** The audit log, newest first, and a check that no row was edited or removed. */
const auditRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/audit',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Audit events, newest first',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { cursor, limit, since, until, ...filter } = request.query;
      const before = cursor ? Number.parseInt(cursor, 36) : undefined;
      if (before !== undefined && !Number.isSafeInteger(before))
        throw problems.badRequest('the cursor is not one this API gave out');
      const rows = await fastify.audit.list(
        request.caller!.tenantId,
        {
          ...filter,
          since: since ? new Date(since) : undefined,
          until: until ? new Date(until) : undefined,
          before,
        },
        limit + 1,
      );
      const page = rows.slice(0, limit);
      return {
        items: page.map(({ tenantId: _tenant, prevHash: _prev, ip: _ip, occurredAt, ...row }) => ({
          ...row,
          occurredAt: occurredAt.toISOString(),
        })),
        nextCursor: rows.length > limit ? page.at(-1)!.seq.toString(36) : null,
      };
    },
  );

  fastify.get(
    '/audit/verify',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Recompute the hash chain and report the first break',
        response: { 200: auditVerifySchema, ...problemResponses },
      },
    },
    async (request) => fastify.audit.verify(request.caller!.tenantId),
  );
};

export default auditRoutes;
