import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import {
  appFunctionParamsSchema,
  authorizationsResponseSchema,
  consentCallbackQuerySchema,
  directoryStatusSchema,
  problemResponses,
  problemSchema,
  startAuthorizationResponseSchema,
  startAuthorizationSchema,
  syncRequestedSchema,
  type AppFunctionName,
} from '@clawback/shared';
import { auditContext } from '../plugins/audit.js';

/**
 * Directory sync progress and "sync now", and the authorizations per function (admin consent).
 * Sync now needs editPolicies (Privileged Role Administrator or Global Administrator): it changes
 * nothing in the tenant, only refreshes what Clawback knows, and a retraction admin needs fresh
 * lists before acting; publishing domains keeps the stricter two-role rule.
 */
const directoryRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const admin = fastify.directoryAdmin;
  // Consent for directory scanning takes the directory-integration roles; mail access, the
  // retraction admin's. Starting one changes nothing (Entra decides who may consent), so cached
  // roles do: before the first grant Clawback may not be able to read roles afresh at all.
  const consentGuards: Record<AppFunctionName, preHandlerAsyncHookHandler> = {
    directory: fastify.requireCapability('publishDomains'),
    retraction: fastify.requireCapability('editPolicies'),
    collection: fastify.requireCapability('editPolicies'),
  };

  fastify.get(
    '/directory/status',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Directory sync progress per phase and per domain',
        response: { 200: directoryStatusSchema, ...problemResponses },
      },
    },
    async (request) => admin.onboarding.status(request.caller!.tenantId),
  );

  fastify.post(
    '/directory/sync',
    {
      preHandler: fastify.requireCapability('editPolicies'),
      schema: {
        summary: 'Sync the directory now',
        response: { 202: syncRequestedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const context = auditContext(request);
      const jobId = await admin.requestSync(context.tenantId, context.actorName ?? null);
      await fastify.audit.record({
        ...context,
        action: 'directory.sync.requested',
        outcome: 'success',
        details: { jobId, alreadyQueued: jobId === null },
      });
      return reply.code(202).send({ jobId, queued: jobId !== null });
    },
  );

  fastify.get(
    '/directory/authorizations',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Authorization state per function, from fresh tokens',
        response: { 200: authorizationsResponseSchema, ...problemResponses },
      },
    },
    async (request) => ({
      items: await admin.authorizations.states(request.caller!.tenantId, { fresh: true }),
      checkedAt: new Date().toISOString(),
    }),
  );

  fastify.post(
    '/directory/authorizations/:function/start',
    {
      preHandler: async function (request, reply) {
        const { function: fn } = request.params as { function: AppFunctionName };
        await consentGuards[fn].call(this, request, reply);
      },
      schema: {
        summary: "Start an admin consent for a function: answers the tenant's consent URL",
        params: appFunctionParamsSchema,
        body: startAuthorizationSchema.nullish(),
        response: { 200: startAuthorizationResponseSchema, ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const base = fastify.config.publicUrl ?? `${request.protocol}://${request.host}`;
      return admin.authorizations.start(
        caller.tenantId,
        request.params.function,
        { oid: caller.oid, upn: caller.kind === 'user' ? caller.upn : null },
        {
          loginHint: request.body?.loginHint,
          publicBase: base,
          request: { requestId: request.id, ip: request.ip },
        },
      );
    },
  );

  fastify.get(
    '/directory/consent/callback',
    {
      config: { auth: 'public' },
      schema: {
        summary: "Entra's admin-consent redirect: records the outcome, then back to the admin console",
        querystring: consentCallbackQuerySchema,
        response: {
          302: z.null().describe('Redirect to /admin.html'),
          400: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const outcome = await admin.authorizations.complete(request.query, {
        requestId: request.id,
        ip: request.ip,
      });
      const query = new URLSearchParams({
        authorization: outcome.fn,
        result: outcome.granted ? 'granted' : 'denied',
      });
      return reply.redirect(`/admin.html?${query}`, 302);
    },
  );
};

export default directoryRoutes;
