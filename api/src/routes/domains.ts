import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  domainParamsSchema,
  domainsPageSchema,
  domainsQuerySchema,
  domainSummarySchema,
  problemResponses,
  problemSchema,
} from '@clawback/shared';
import { problems } from '../http/problem.js';
import { auditContext } from '../plugins/audit.js';

const cursorOf = (name: string) => Buffer.from(name, 'utf8').toString('base64url');

function nameOf(cursor: string): string {
  const name = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z0-9.-]{1,253}$/.test(name)) throw problems.badRequest('the cursor is not one this API gave out');
  return name;
}

/**
 * The tenant's verified domains and their onboarding state; publishing and unpublishing need the
 * publishDomains capability (Privileged Role Administrator and Privileged Authentication
 * Administrator together, or Global Administrator), checked against the directory right then.
 */
const domainRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const onboarding = fastify.directoryAdmin.onboarding;
  const responses = { 200: domainSummarySchema, ...problemResponses, 409: problemSchema };

  fastify.get(
    '/domains',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Verified domains with their onboarding state',
        querystring: domainsQuerySchema,
        response: { 200: domainsPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const page = await onboarding.list(request.caller!.tenantId, cursor ? nameOf(cursor) : null, limit);
      return { items: page.items, nextCursor: page.more ? cursorOf(page.items.at(-1)!.name) : null };
    },
  );

  fastify.post(
    '/domains/:name/publish',
    {
      preHandler: fastify.requireCapability('publishDomains', { fresh: true }),
      schema: {
        summary: 'Publish a domain: its mailboxes become protected by Clawback',
        params: domainParamsSchema,
        response: responses,
      },
    },
    async (request) => onboarding.publish(auditContext(request), request.params.name.toLowerCase()),
  );

  fastify.post(
    '/domains/:name/unpublish',
    {
      preHandler: fastify.requireCapability('publishDomains', { fresh: true }),
      schema: {
        summary: 'Unpublish a domain: reports and retractions there are refused again',
        params: domainParamsSchema,
        response: responses,
      },
    },
    async (request) => onboarding.unpublish(auditContext(request), request.params.name.toLowerCase()),
  );
};

export default domainRoutes;
