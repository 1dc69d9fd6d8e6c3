import type { FastifyPluginAsync } from 'fastify';
import auditRoutes from './audit.js';
import collectionRoutes from './collections.js';
import directoryRoutes from './directory.js';
import domainRoutes from './domains.js';
import healthRoutes from './health.js';
import meRoutes from './me.js';
import campaignRoutes from './campaigns.js';
import reportRoutes from './reports.js';
import userReportedSettingsRoutes from './user-reported-settings.js';
import messageRoutes from './messages.js';
import policyRoutes from './policies.js';
import retractionRoutes from './retractions.js';
import sandboxHarnessRoutes from './sandbox-harness.js';

/** Everything under /api/v1, one plugin per feature. */
const routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(healthRoutes);
  await fastify.register(meRoutes);
  await fastify.register(auditRoutes);
  await fastify.register(reportRoutes);
  await fastify.register(campaignRoutes);
  await fastify.register(userReportedSettingsRoutes);
  await fastify.register(collectionRoutes);
  await fastify.register(messageRoutes);
  await fastify.register(directoryRoutes);
  await fastify.register(domainRoutes);
  await fastify.register(retractionRoutes);
  await fastify.register(policyRoutes);
  const { mode, sandboxUrl } = fastify.config;
  if (mode === 'sandbox' && sandboxUrl) await fastify.register(sandboxHarnessRoutes, { sandboxUrl });
};

export default routes;
