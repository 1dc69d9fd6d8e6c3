// The Clawback API as one Fastify plugin, in load order: infrastructure (config, errors, schemas,
// security, database, queue, Graph, audit), then identity (auth, roles), then routes and pages.
// Tests register it with their own config; server.ts boots it for real.
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from './config/config.js';
import auditPlugin from './plugins/audit.js';
import authPlugin from './plugins/auth.js';
import collectionsPlugin from './collections/plugin.js';
import configPlugin from './plugins/config.js';
import dbPlugin from './plugins/db.js';
import directoryPlugin from './directory/directory-plugin.js';
import errorsPlugin from './plugins/errors.js';
import graphPlugin from './plugins/graph.js';
import openapiPlugin from './plugins/openapi.js';
import queuePlugin from './plugins/queue.js';
import rolesPlugin from './plugins/roles.js';
import securityPlugin from './plugins/security.js';
import staticPlugin from './plugins/static.js';
import reportsPlugin from './reports/plugin.js';
import retractionsPlugin from './retractions/plugin.js';
import routes from './routes/index.js';

export interface AppOptions {
  config: Config;
}

const app: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  await fastify.register(configPlugin, { config: options.config });
  await fastify.register(errorsPlugin);
  await fastify.register(openapiPlugin);
  await fastify.register(securityPlugin);
  await fastify.register(dbPlugin);
  await fastify.register(queuePlugin);
  await fastify.register(graphPlugin);
  await fastify.register(auditPlugin);
  await fastify.register(authPlugin);
  await fastify.register(rolesPlugin);
  await fastify.register(directoryPlugin);
  await fastify.register(retractionsPlugin);
  await fastify.register(reportsPlugin);
  await fastify.register(collectionsPlugin);
  await fastify.register(routes, { prefix: '/api/v1' });
  await fastify.register(staticPlugin);
};

// Not encapsulated: whoever registers the app (server, tests) sees its decorators.
export default fp(app, { name: 'clawback' });
