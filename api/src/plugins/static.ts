import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

export const ADDIN_DIST = fileURLToPath(new URL('../../../addin/dist', import.meta.url));

/** The built add-in and admin tab, on the API's own origin (no CORS between them). */
export default fp(
  async (fastify) => {
    if (!existsSync(ADDIN_DIST)) {
      fastify.log.warn(`add-in not built (${ADDIN_DIST} missing): run npm run build -w addin`);
      return;
    }
    await fastify.register(fastifyStatic, { root: ADDIN_DIST, prefix: '/', index: false, wildcard: false });
  },
  { name: 'static' },
);
