import fp from 'fastify-plugin';
import type { Config } from '../config/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

/** The resolved configuration, handed in by whoever builds the app (server, tests). */
export default fp<{ config: Config }>(
  async (fastify, options) => {
    fastify.decorate('config', options.config);
  },
  { name: 'config' },
);
