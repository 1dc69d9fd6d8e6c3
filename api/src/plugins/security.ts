import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';

/** Hosts that frame the task pane and the Teams tab. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://*.outlook.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.skype.com',
];

/** Security headers, CORS allow-list and per-user rate limits. */
export default fp(
  async (fastify) => {
    const { config } = fastify;
    await fastify.register(helmet, {
      // Teams and Outlook render our pages in iframes: frame-ancestors replaces X-Frame-Options.
      frameguard: false,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com', 'https://res.cdn.office.net'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: FRAME_ANCESTORS,
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    await fastify.register(cors, {
      origin: config.corsOrigins.length ? config.corsOrigins : false,
      credentials: false,
    });
    await fastify.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      keyGenerator: rateLimitKey,
      errorResponseBuilder: (_request, context) =>
        new ProblemError(
          429,
          'rate_limited',
          'Too many requests',
          `limit ${context.max} per ${context.after}`,
          {},
          {
            'retry-after': String(Math.ceil(context.ttl / 1000)),
          },
        ),
    });
  },
  { name: 'security', dependencies: ['config'] },
);

/**
 * Limits apply per tenant and user. The key is read from the token before it is verified: a
 * forged token only ever earns its own bucket, and verification still refuses it.
 */
function rateLimitKey(request: FastifyRequest): string {
  const token = /^Bearer ([^.]+)\.([^.]+)\./.exec(request.headers.authorization ?? '');
  if (token) {
    try {
      const claims = JSON.parse(Buffer.from(token[2]!, 'base64url').toString('utf8'));
      if (typeof claims.tid === 'string' && typeof claims.oid === 'string')
        return `${claims.tid.slice(0, 40)}:${claims.oid.slice(0, 40)}`;
    } catch {
      // fall through to the address
    }
  }
  return `ip:${request.ip}`;
}
