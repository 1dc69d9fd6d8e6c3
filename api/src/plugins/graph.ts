import fp from 'fastify-plugin';
import { GraphGateway } from '../graph/gateway.js';

declare module 'fastify' {
  interface FastifyInstance {
    graph: GraphGateway;
  }
}

/** The Graph gateway: one MSAL client for the process, its token cache, the bulk executor. */
export default fp(
  async (fastify) => {
    const graph = new GraphGateway(fastify.config);
    fastify.decorate('graph', graph);
    fastify.addHook('onClose', () => graph.close());
  },
  { name: 'graph', dependencies: ['config'] },
);
