import type { FastifyPluginAsync } from 'fastify';
import auditRoutes from './audit.js';
import healthRoutes from './health.js';
import meRoutes from './me.js';

/** Everything under /api/v1, one plugin per feature. */
const routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(healthRoutes);
  await fastify.register(meRoutes);
  await fastify.register(auditRoutes);
};

export default routes;
