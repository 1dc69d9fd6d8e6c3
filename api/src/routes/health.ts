// Liveness of what Clawback depends on, and which Graph permissions each feature still lacks.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  healthResponseSchema,
  missingPermissions,
  permissionsResponseSchema,
  problemResponses,
} from '@clawback/shared';

/** Granted permissions come from a Graph token at most this old, so a revoked grant shows quickly. */
const PERMISSIONS_MAX_AGE_MS = 30_000;

const healthRoutes: FastifyPluginAsyncZod = async (fastify) => {
  let permissionsCheckedAt = 0;

  fastify.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'Health of the database, job queue and Graph token',
        response: { 200: healthResponseSchema, 503: healthResponseSchema },
      },
    },
    async (_request, reply) => {
      const [database, queue, graphToken, deadLetters] = await Promise.all([
        probe(async () => void (await fastify.database.db.execute(sql`select 1`))),
        probe(async () => void (await fastify.queue.boss.getQueues())),
        probe(async () => void (await fastify.graph.token())),
        probe(async () => {
          const count = await fastify.queue.deadLetterCount();
          if (count > 0) throw new Error(`${count} failed job(s) in the dead-letter queue`);
        }),
      ]);
      const ok = database.ok && queue.ok && graphToken.ok && deadLetters.ok;
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'degraded', checks: { database, queue, graphToken, deadLetters } });
    },
  );

  fastify.get(
    '/health/permissions',
    {
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Granted application permissions against what each feature needs',
        response: { 200: permissionsResponseSchema, ...problemResponses },
      },
    },
    async () => {
      const fresh = Date.now() - permissionsCheckedAt > PERMISSIONS_MAX_AGE_MS;
      const token = await fastify.graph.token(fresh);
      if (fresh) permissionsCheckedAt = Date.now();
      return {
        granted: [...token.roles].sort(),
        checkedAt: new Date(permissionsCheckedAt).toISOString(),
        features: missingPermissions(token.roles),
      };
    },
  );
};

async function probe(check: () => Promise<void>): Promise<{ ok: boolean; detail?: string }> {
  try {
    await check();
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export default healthRoutes;
