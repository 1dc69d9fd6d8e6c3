// The auto-retraction policy: which action each disposition triggers, approval rules, the armed
// window. Changing it may need a second administrator.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { autoRetractionPolicySchema, policyResponseSchema, problemResponses } from '@clawback/shared';
import { auditContext } from '../plugins/audit.js';
import type { StoredPolicy } from '../policies/policy-repository.js';

function toResponse(stored: StoredPolicy) {
  return {
    policy: stored.policy,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
    pending: stored.pending,
  };
}

const policyRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get(
    '/policies/auto-retraction',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'The auto-retraction policy',
        response: { 200: policyResponseSchema, ...problemResponses },
      },
    },
    async (request) => toResponse(await fastify.policies.current(request.caller!.tenantId)),
  );

  fastify.put(
    '/policies/auto-retraction',
    {
      preHandler: fastify.requireCapability('editPolicies', { fresh: true }),
      schema: {
        summary: 'Change the policy (waits for a second admin when the tenant requires it)',
        body: autoRetractionPolicySchema,
        response: { 200: policyResponseSchema, 202: policyResponseSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller!;
      const by = caller.kind === 'user' ? (caller.upn ?? caller.oid) : caller.appId;
      const { applied, stored } = await fastify.policies.propose(caller.tenantId, request.body, by);
      await fastify.audit.record({
        ...auditContext(request),
        action: applied ? 'policy.changed' : 'policy.changeProposed',
        outcome: 'success',
        targetType: 'policy',
        targetId: 'auto-retraction',
        details: { policy: request.body },
      });
      return reply.code(applied ? 200 : 202).send(toResponse(stored));
    },
  );

  fastify.post(
    '/policies/auto-retraction/approve',
    {
      preHandler: fastify.requireCapability('editPolicies', { fresh: true }),
      schema: {
        summary: "Approve another admin's pending policy change",
        response: { 200: policyResponseSchema, 409: problemResponses[400], ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const stored = await fastify.policies.approvePending(
        caller.tenantId,
        caller.kind === 'user' ? (caller.upn ?? caller.oid) : caller.appId,
      );
      await fastify.audit.record({
        ...auditContext(request),
        action: 'policy.changeApproved',
        outcome: 'success',
        targetType: 'policy',
        targetId: 'auto-retraction',
      });
      return toResponse(stored);
    },
  );
};

export default policyRoutes;
