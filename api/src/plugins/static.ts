import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import allowedAddinsRoutes from '../routes/static-allowed-addins.js';

export const ADDIN_DIST = fileURLToPath(new URL('../../../addin/dist', import.meta.url));

/**
 * The built add-in and admin tab, on the API's own origin (no CORS between them), and the
 * well-known list of its scripts Office lets sign in without a page.
 */
export default fp(
  async (fastify) => {
    await fastify.register(allowedAddinsRoutes);
    if (!existsSync(ADDIN_DIST)) {
      fastify.log.warn(`add-in not built (${ADDIN_DIST} missing): run npm run build -w addin`);
      return;
    }
    await fastify.register(fastifyStatic, { root: ADDIN_DIST, prefix: '/', index: false, wildcard: false });
  },
  { name: 'static', dependencies: ['config'] },
);
