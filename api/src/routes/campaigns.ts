// Campaigns: many reports of one attack, triaged and decided once.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  campaignDetailSchema,
  campaignListQuerySchema,
  campaignPageSchema,
  problemResponses,
  triageIdParamSchema,
  triagePatchSchema,
} from '@clawback/shared';
import { problems } from '../http/problem.js';
import triageActionRoutes from './triage-actions.js';
import { auditContext } from '../plugins/audit.js';
import type { CampaignRow } from '../reports/campaign-repository.js';
import { encodeCursor } from '../reports/cursor.js';
import { campaignDetail, campaignSummary } from '../reports/views.js';

/** Reporters listed on a campaign's page; counts cover them all. */
const REPORTERS_SHOWN = 200;

const notFound = () => problems.notFound('no campaign with this id');

const campaignRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { reports } = fastify;
  const { context } = reports;

  async function detail(tenantId: string, row: CampaignRow) {
    const [internetMessageIds, rows, notes] = await Promise.all([
      context.campaigns.internetMessageIds(tenantId, row.id),
      context.reports.ofCampaign(tenantId, row.id, REPORTERS_SHOWN),
      context.notes.of(tenantId, 'campaign', row.id),
    ]);
    return campaignDetail(row, { internetMessageIds, reports: rows, notes });
  }

  fastify.get(
    '/campaigns',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Campaigns, most recently reported first',
        querystring: campaignListQuerySchema,
        response: { 200: campaignPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { limit, ...query } = request.query;
      const rows = await context.campaigns.list(request.caller!.tenantId, query, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const sortValue = (row: CampaignRow) =>
        query.sort === '-reporterCount' ? row.reporterCount : row.lastSeen.toISOString();
      return {
        items: page.map(campaignSummary),
        nextCursor: rows.length > limit && last ? encodeCursor(sortValue(last), last.id) : null,
      };
    },
  );

  fastify.get(
    '/campaigns/:id',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'One campaign: its messages, reporters, enrichment and notes',
        params: triageIdParamSchema,
        response: { 200: campaignDetailSchema, ...problemResponses },
      },
    },
    async (request) => {
      const tenantId = request.caller!.tenantId;
      const row = await context.campaigns.get(tenantId, request.params.id);
      if (!row) throw notFound();
      return detail(tenantId, row);
    },
  );

  fastify.patch(
    '/campaigns/:id',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('setVerdicts'),
      schema: {
        summary: 'Triage a campaign: status and assignee',
        params: triageIdParamSchema,
        body: triagePatchSchema,
        response: { 200: campaignDetailSchema, ...problemResponses },
      },
    },
    async (request) => {
      const tenantId = request.caller!.tenantId;
      const row = await reports.triage.patchCampaign(
        tenantId,
        request.params.id,
        request.body,
        auditContext(request),
      );
      if (!row) throw notFound();
      return detail(tenantId, row);
    },
  );

  await fastify.register(triageActionRoutes, { kind: 'campaign' });
};

export default campaignRoutes;
