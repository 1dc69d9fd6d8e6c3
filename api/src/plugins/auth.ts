import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.js';
import { SigningKeysUnavailable, TokenRejected, TokenVerifier } from '../auth/token-verifier.js';
import { problems, ProblemError } from '../http/problem.js';
import { auditContext } from './audit.js';

/** Who may call a route: nobody needs a token ('public'), people only ('user'), or automation too. */
export type RouteAuth = 'public' | 'user' | 'userOrApp';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9\-_.]+)$/;

/** Verifies the bearer token of every route that is not public; failures are 401 and audited. */
export default fp(
  async (fastify) => {
    const verifier = new TokenVerifier(fastify.config, fastify.graph.fetch);
    fastify.decorateRequest('caller', null);
    fastify.addHook('onRequest', async (request) => {
      const auth = request.routeOptions.config.auth ?? 'user';
      const url = request.routeOptions.url;
      if (auth === 'public' || !url?.startsWith('/api/v1/')) return;
      const header = request.headers.authorization;
      if (!header)
        throw problems.unauthenticated('send an Entra ID access token as "Authorization: Bearer <token>"');
      const match = BEARER.exec(header);
      if (!match) return refuse(request, new TokenRejected('the Authorization header is not a bearer token'));
      try {
        request.caller = await verifier.verify(match[1]!, { allowApp: auth === 'userOrApp' });
      } catch (error) {
        if (error instanceof TokenRejected) return refuse(request, error);
        if (error instanceof SigningKeysUnavailable) {
          request.log.error({ err: error }, 'signing keys unavailable');
          throw new ProblemError(
            503,
            'graph_unavailable',
            'The identity provider is unavailable',
            'the token signing keys could not be fetched; try again shortly',
          );
        }
        throw error;
      }
    });

    async function refuse(request: FastifyRequest, rejection: TokenRejected): Promise<never> {
      try {
        await fastify.audit.record({
          ...auditContext(request),
          actorType: 'anonymous',
          actorId: null,
          action: 'auth.failed',
          outcome: 'denied',
          details: {
            reason: rejection.reason,
            route: request.routeOptions.url,
            unverifiedClaims: rejection.claimed,
          },
        });
      } catch (error) {
        request.log.error({ err: error }, 'could not audit an authentication failure');
      }
      throw problems.invalidToken(rejection.reason);
    }
  },
  { name: 'auth', dependencies: ['config', 'graph', 'audit'] },
);
