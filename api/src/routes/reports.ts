// Reports: intake from the add-in, the reporter's history, and triage of single reports.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createReportSchema,
  problemResponses,
  problemSchema,
  REPORT_LIMITS,
  reportCreatedSchema,
  reportDetailSchema,
  reportListQuerySchema,
  reportPageSchema,
  triageIdParamSchema,
  triagePatchSchema,
} from '@clawback/shared';
import type { UserCaller } from '../auth/caller.js';
import { problems } from '../http/problem.js';
import triageActionRoutes from './triage-actions.js';
import { auditContext } from '../plugins/audit.js';
import { encodeCursor } from '../reports/cursor.js';
import { reportDetail, reportSummary } from '../reports/views.js';

/** Room for the largest EML in base64 plus the rest of the body. */
const INTAKE_BODY_LIMIT = Math.ceil((REPORT_LIMITS.emlBytes * 4) / 3) + 256 * 1024;

const notFound = () => problems.notFound('no report with this id');

const reportRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { reports } = fastify;
  const { context } = reports;
  const readGuard = fastify.requireCapability('readReports');
  const isAnalyst = async (request: FastifyRequest) =>
    (await fastify.accessOf(request)).capabilities.includes('readReports');

  fastify.post(
    '/reports',
    {
      config: { auth: 'user' },
      bodyLimit: INTAKE_BODY_LIMIT,
      schema: {
        summary: "Report a message from the caller's own mailbox",
        description:
          'A repeat report of the same message by the same person answers 200 with the existing report.',
        body: createReportSchema,
        response: {
          200: reportCreatedSchema,
          201: reportCreatedSchema,
          413: problemSchema,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await reports.intake(request.caller as UserCaller, request.body, auditContext(request));
      const { report } = result;
      return reply.code(result.duplicate ? 200 : 201).send({
        id: report.id,
        status: report.status as 'new',
        campaignId: report.campaignId,
        duplicate: result.duplicate,
        reporterCopy: result.reporterCopy,
      });
    },
  );

  fastify.get(
    '/reports',
    {
      config: { auth: 'userOrApp' },
      schema: {
        summary: "Reports, newest first; ?mine=true for the caller's own reports and their outcomes",
        querystring: reportListQuerySchema,
        response: { 200: reportPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { mine, reporter, limit, ...filter } = request.query;
      const caller = request.caller!;
      if (mine && caller.kind !== 'user') throw problems.badRequest('mine=true needs a user token');
      if (!mine) await readGuard.call(fastify, request, reply as FastifyReply);
      const rows = await context.reports.list(
        caller.tenantId,
        {
          ...filter,
          ...(mine ? { reporterId: caller.oid } : {}),
          ...(reporter ? { reporterUpn: reporter } : {}),
        },
        limit + 1,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => reportSummary(row, !mine)),
        nextCursor: rows.length > limit && last ? encodeCursor(last.reportedAt.toISOString(), last.id) : null,
      };
    },
  );

  fastify.get(
    '/reports/:id',
    {
      config: { auth: 'userOrApp' },
      schema: {
        summary: 'One report: analysts see everything, the reporter sees their report and its outcome',
        params: triageIdParamSchema,
        response: { 200: reportDetailSchema, ...problemResponses },
      },
    },
    async (request) => {
      const caller = request.caller!;
      const row = await context.reports.get(caller.tenantId, request.params.id);
      if (!row) throw notFound();
      if (await isAnalyst(request)) {
        const [notes, evidence] = await Promise.all([
          context.notes.of(caller.tenantId, 'report', row.id),
          context.reports.evidenceFacts(caller.tenantId, row.id),
        ]);
        return reportDetail(row, { analyst: true, notes, evidence });
      }
      // Someone else's report does not exist as far as this caller can tell.
      if (caller.kind !== 'user' || row.reporterId !== caller.oid) throw notFound();
      return reportDetail(row, { analyst: false });
    },
  );

  fastify.get(
    '/reports/:id/evidence',
    {
      config: { auth: 'userOrApp' },
      preHandler: readGuard,
      schema: {
        summary: 'The reported message as EML (message/rfc822), as stored at intake',
        params: triageIdParamSchema,
        response: { 200: z.any().describe('message/rfc822'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const tenantId = request.caller!.tenantId;
      const evidence = await context.reports.evidence(tenantId, request.params.id);
      if (!evidence) throw notFound();
      await fastify.audit.record({
        ...auditContext(request),
        action: 'report.evidenceRead',
        targetType: 'report',
        targetId: request.params.id,
        outcome: 'success',
        details: { sha256: evidence.sha256 },
      });
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="${request.params.id}.eml"`)
        .send(evidence.eml);
    },
  );

  fastify.patch(
    '/reports/:id',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('setVerdicts'),
      schema: {
        summary: 'Triage a report: status and assignee',
        params: triageIdParamSchema,
        body: triagePatchSchema,
        response: { 200: reportDetailSchema, ...problemResponses },
      },
    },
    async (request) => {
      const tenantId = request.caller!.tenantId;
      const row = await reports.triage.patchReport(
        tenantId,
        request.params.id,
        request.body,
        auditContext(request),
      );
      if (!row) throw notFound();
      const [notes, evidence] = await Promise.all([
        context.notes.of(tenantId, 'report', row.id),
        context.reports.evidenceFacts(tenantId, row.id),
      ]);
      return reportDetail(row, { analyst: true, notes, evidence });
    },
  );

  await fastify.register(triageActionRoutes, { kind: 'report' });
};

export default reportRoutes;
