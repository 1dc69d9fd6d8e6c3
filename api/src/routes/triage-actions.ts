// The triage actions reports and campaigns share: a note, and a verdict that starts the
// auto-retraction policy. Registered once per kind by the report and campaign routes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  noteBodySchema,
  noteSchema,
  problemResponses,
  triageIdParamSchema,
  verdictBodySchema,
  verdictResultSchema,
} from '@clawback/shared';
import { problems } from '../http/problem.js';
import { auditContext } from '../plugins/audit.js';
import { note } from '../reports/views.js';

const VERDICT_SUMMARY = {
  report: "Set a report's disposition; starts the auto-retraction policy",
  campaign: "Set a campaign's disposition for all its reports; starts the auto-retraction policy",
};

const triageActionRoutes: FastifyPluginAsyncZod<{ kind: 'report' | 'campaign' }> = async (
  fastify,
  { kind },
) => {
  const { reports } = fastify;
  const base = kind === 'report' ? '/reports' : '/campaigns';
  const notFound = () => problems.notFound(`no ${kind} with this id`);

  fastify.post(
    `${base}/:id/notes`,
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('setVerdicts'),
      schema: {
        summary: `Add a triage note to a ${kind}`,
        params: triageIdParamSchema,
        body: noteBodySchema,
        response: { 201: noteSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { tenantId } = request.caller!;
      const row = await reports.triage.addNote(
        kind,
        tenantId,
        request.params.id,
        request.body.text,
        auditContext(request),
      );
      if (!row) throw notFound();
      return reply.code(201).send(note(row));
    },
  );

  fastify.post(
    `${base}/:id/verdict`,
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('setVerdicts', { fresh: true }),
      schema: {
        summary: VERDICT_SUMMARY[kind],
        params: triageIdParamSchema,
        body: verdictBodySchema,
        response: { 200: verdictResultSchema, ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const input = {
        tenantId: caller.tenantId,
        id: request.params.id,
        disposition: request.body.disposition,
        caller,
        actor: auditContext(request),
      };
      const result =
        kind === 'report' ? await reports.verdicts.onReport(input) : await reports.verdicts.onCampaign(input);
      if (!result) throw notFound();
      return { ...result, verdictAt: result.verdictAt.toISOString() };
    },
  );
};

export default triageActionRoutes;
