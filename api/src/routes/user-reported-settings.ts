// The tenant's user-reported settings: readable by analysts, changed by policy editors, audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  problemResponses,
  userReportedSettingsResponseSchema,
  userReportedSettingsSchema,
  type UserReportedSettings,
} from '@clawback/shared';
import type { DirectoryService } from '../directory/directory-service.js';
import { problems } from '../http/problem.js';
import { auditContext } from '../plugins/audit.js';
import type { StoredSettings } from '../reports/settings.js';

const view = (stored: StoredSettings) => ({
  settings: stored.settings,
  updatedAt: stored.updatedAt?.toISOString() ?? null,
  updatedBy: stored.updatedBy,
});

/** Top-level sections whose value changed, for the audit row. */
function changedSections(before: UserReportedSettings, after: UserReportedSettings): string[] {
  return (Object.keys(after) as (keyof UserReportedSettings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

const userReportedSettingsRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { settings } = fastify.reports.context;
  const directory = () => fastify.reports.context.directory() as DirectoryService;

  fastify.get(
    '/settings/user-reported',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: "The tenant's user-reported settings",
        response: { 200: userReportedSettingsResponseSchema, ...problemResponses },
      },
    },
    async (request) => view(await settings.get(request.caller!.tenantId)),
  );

  fastify.put(
    '/settings/user-reported',
    {
      config: { auth: 'user' },
      preHandler: fastify.requireCapability('editPolicies', { fresh: true }),
      schema: {
        summary: "Replace the tenant's user-reported settings",
        body: userReportedSettingsSchema,
        response: { 200: userReportedSettingsResponseSchema, ...problemResponses },
      },
    },
    async (request) => {
      const tenantId = request.caller!.tenantId;
      const next = request.body;
      if (next.reportingMailbox) {
        const mailbox = await directory().findMailbox(tenantId, next.reportingMailbox);
        if (!mailbox || mailbox.kind === 'none')
          throw problems.validation([
            { path: 'body.reportingMailbox', message: 'is not a mailbox in this tenant' },
          ]);
      }
      const before = await settings.get(tenantId);
      const actor = auditContext(request);
      const saved = await fastify.database.db.transaction(async (tx) => {
        const stored = await settings.put(tenantId, next, actor.actorName ?? actor.actorId ?? null, tx);
        await fastify.audit.record(
          {
            ...actor,
            action: 'settings.userReported.changed',
            targetType: 'settings',
            targetId: 'user-reported',
            outcome: 'success',
            details: { changed: changedSections(before.settings, next), settings: next },
          },
          tx,
        );
        return stored;
      });
      return view(saved);
    },
  );
};

export default userReportedSettingsRoutes;
