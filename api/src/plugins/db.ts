import fp from 'fastify-plugin';
import { pgliteDirectory } from '../config/load.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

/** The store, migrated at start: PGlite under DATA_DIR by default, PostgreSQL with DATABASE_URL. */
export default fp(
  async (fastify) => {
    const database = await openDatabase({
      url: fastify.config.databaseUrl,
      pgliteDir: pgliteDirectory(fastify.config),
    });
    fastify.decorate('database', database);
    fastify.addHook('onClose', () => database.close());
  },
  { name: 'db', dependencies: ['config'] },
);
