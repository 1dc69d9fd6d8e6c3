import fp from 'fastify-plugin';
import { startQueue, type JobQueue } from '../jobs/queue.js';

declare module 'fastify' {
  interface FastifyInstance {
    queue: JobQueue;
  }
}

/** pg-boss on the app's database; workers run only in worker processes (CLAWBACK_ROLE). */
export default fp(
  async (fastify) => {
    const queue = await startQueue(fastify.database, {
      runWorkers: fastify.config.role !== 'api',
      maintenanceSeconds: fastify.config.queueMaintenanceSeconds,
      onError: (error) => fastify.log.error({ err: error }, 'job queue error'),
    });
    fastify.decorate('queue', queue);
    // Close runs in reverse registration order: the queue stops before the database closes.
    fastify.addHook('onClose', () => queue.stop());
  },
  { name: 'queue', dependencies: ['db'] },
);
