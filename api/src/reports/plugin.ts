// Reporting and triage: intake, campaigns, verdicts, triage and the jobs they start, as
// `fastify.reports`. Needs the directory (who may report, recipient expansion) and, when present,
// the retraction engine's `fastify.verdicts` (checked per verdict, not declared: it is optional).
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { DirectoryService } from '../directory/directory-service.js';
import { createMessageIndex } from '../messages/message-index.js';
import { createCampaignRepository } from './campaign-repository.js';
import type { ReportsContext, VerdictPolicy } from './context.js';
import { createIntake } from './intake.js';
import { defineReportJobs } from './jobs.js';
import { createMailboxReader } from './mailbox-message.js';
import { createNotesRepository } from './notes-repository.js';
import { createReportRepository } from './report-repository.js';
import { createSettingsRepository } from './settings-repository.js';
import { createSettingsService } from './settings.js';
import { createSideEffects } from './side-effects.js';
import { createTenantDomains } from './tenant-domains.js';
import { createTriage } from './triage.js';
import { createVerdicts } from './verdicts.js';

declare module 'fastify' {
  interface FastifyInstance {
    reports: ReturnType<typeof createReportsFeature>;
    /** Campaigns as the retraction engine looks them up (POST /retractions { campaignId }). */
    campaignLookup: CampaignLookup;
  }
}

export interface CampaignLookup {
  find(
    tenantId: string,
    campaignId: string,
  ): Promise<{ internetMessageId: string; subject: string | null; sender: string | null } | null>;
}

function createReportsFeature(ctx: ReportsContext) {
  return {
    context: ctx,
    intake: createIntake(ctx),
    verdicts: createVerdicts(ctx),
    triage: createTriage(ctx),
  };
}

/** Decorators this feature reads by name because their owners declare their types. */
function optional<T>(fastify: FastifyInstance, name: string): T | null {
  return fastify.hasDecorator(name) ? ((fastify as unknown as Record<string, T>)[name] ?? null) : null;
}

export default fp(
  async (fastify) => {
    const { db } = fastify.database;
    const ctx: ReportsContext = {
      db,
      reports: createReportRepository(db),
      campaigns: createCampaignRepository(db),
      notes: createNotesRepository(db),
      settings: createSettingsService(createSettingsRepository(db)),
      mailbox: createMailboxReader(fastify.graph.client),
      tenantDomains: createTenantDomains(fastify.graph.client, fastify.log),
      messageIndex: createMessageIndex(db),
      directory: () => optional<DirectoryService>(fastify, 'directory')!,
      verdictPolicy: () => optional<VerdictPolicy>(fastify, 'verdicts'),
      clawbackCaller: (tenantId) => ({
        kind: 'app',
        tenantId,
        oid: fastify.config.app.clientId,
        appId: fastify.config.app.clientId,
        roles: [],
      }),
      audit: fastify.audit,
      boss: fastify.queue.boss,
      graph: fastify.graph.client,
      log: fastify.log,
    };
    fastify.decorate('reports', createReportsFeature(ctx));
    fastify.decorate('campaignLookup', {
      async find(tenantId: string, campaignId: string) {
        const row = await ctx.campaigns.get(tenantId, campaignId);
        return row
          ? { internetMessageId: row.internetMessageId, subject: row.subject, sender: row.sender }
          : null;
      },
    });
    await defineReportJobs(fastify.queue, ctx, createSideEffects(ctx));
  },
  { name: 'reports', dependencies: ['db', 'queue', 'graph', 'audit', 'directory'] },
);
