import type { FastifyPluginAsync } from 'fastify';
import auditRoutes from './audit.js';
import healthRoutes from './health.js';
import meRoutes from './me.js';
import sandboxHarnessRoutes from './sandbox-harness.js';

/** Everything under /api/v1, one plugin per feature. */
const routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(healthRoutes);
  await fastify.register(meRoutes);
  await fastify.register(auditRoutes);
  const { mode, sandboxUrl } = fastify.config;
  if (mode === 'sandbox' && sandboxUrl) await fastify.register(sandboxHarnessRoutes, { sandboxUrl });
};

export default routes;
