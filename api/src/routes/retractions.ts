// Retractions: request (by message id, campaign or the admin's own item), read progress, approve,
// cancel, undo, search again, per-mailbox rows and server-sent progress events.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createRetractionSchema,
  idParamSchema,
  mailboxPageSchema,
  mailboxQuerySchema,
  problemResponses,
  retractionListQuerySchema,
  retractionPageSchema,
  retractionSchema,
  undoRetractionSchema,
} from '@clawback/shared';
import type { Retraction } from '@clawback/shared';
import type { Caller } from '../auth/caller.js';
import { problems } from '../http/problem.js';
import { mailboxCsv, mailboxRow } from '../retractions/mailbox-rows.js';

const idempotencyHeaders = z
  .object({
    'idempotency-key': z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\x21-\x7e]+$/)
      .optional(),
  })
  .passthrough();
const TERMINAL = new Set(['completed', 'completedWithErrors', 'failed', 'cancelled']);
const EVENT_INTERVAL_MS = 500;

const nameOf = (caller: Caller) => (caller.kind === 'user' ? caller.upn : caller.appId);

const retractionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const service = fastify.retractions;

  fastify.post(
    '/retractions',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('retract', { fresh: true }),
      schema: {
        summary: 'Retract a message from every mailbox it reached (or plan it with dryRun)',
        headers: idempotencyHeaders,
        body: createRetractionSchema,
        response: {
          200: retractionSchema,
          202: retractionSchema,
          409: problemResponses[400],
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = request.caller!;
      const { row, existing } = await service.create({
        ...request.body,
        tenantId: caller.tenantId,
        caller,
        callerName: nameOf(caller),
        source: request.body.itemId ? 'addin' : 'manual',
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.code(existing ? 200 : 202).send(await service.view(row, { existing }));
    },
  );

  fastify.get(
    '/retractions',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Retractions, newest first',
        querystring: retractionListQuerySchema,
        response: { 200: retractionPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const before = cursor ? new Date(Number.parseInt(cursor, 36)) : undefined;
      if (before && Number.isNaN(before.getTime()))
        throw problems.badRequest('the cursor is not one this API gave out');
      const rows = await fastify.retractions.list(request.caller!.tenantId, { ...filter, before }, limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: await Promise.all(page.map((row) => service.view(row))),
        nextCursor: rows.length > limit ? page.at(-1)!.createdAt.getTime().toString(36) : null,
      };
    },
  );

  fastify.get(
    '/retractions/:id',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'A retraction with counts, rate and ETA',
        params: idParamSchema,
        response: { 200: retractionSchema, ...problemResponses },
      },
    },
    async (request) => service.view(await service.require(request.caller!.tenantId, request.params.id)),
  );

  fastify.get(
    '/retractions/:id/mailboxes',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: {
        summary: 'Per-mailbox state (JSON pages or CSV)',
        params: idParamSchema,
        querystring: mailboxQuerySchema,
        response: { 200: mailboxPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const row = await service.require(request.caller!.tenantId, request.params.id);
      const { state, cursor, limit, format } = request.query;
      if (format === 'csv') {
        // CSV bypasses the JSON serializer: the body is written as is.
        const csv = await mailboxCsv(fastify.retractions.repository, row.id, state);
        reply.hijack();
        reply.raw.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="retraction-${row.id}.csv"`,
        });
        reply.raw.end(csv);
        return reply;
      }
      const after = cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
      const rows = await fastify.retractions.repository.mailboxPage(row.id, { state, after }, limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.map(mailboxRow),
        nextCursor: rows.length > limit ? Buffer.from(page.at(-1)!.mailboxUpn).toString('base64url') : null,
      };
    },
  );

  fastify.get(
    '/retractions/:id/events',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('readReports'),
      schema: { summary: 'Server-sent progress events until the retraction ends', params: idParamSchema },
    },
    async (request, reply) => {
      const { tenantId } = request.caller!;
      await service.require(tenantId, request.params.id);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let open = true;
      request.raw.on('close', () => (open = false));
      while (open) {
        const view = await service.view(await service.require(tenantId, request.params.id));
        reply.raw.write(`event: progress\ndata: ${JSON.stringify(view)}\n\n`);
        if (TERMINAL.has(view.status)) {
          reply.raw.write(`event: end\ndata: ${JSON.stringify({ status: view.status })}\n\n`);
          break;
        }
        await sleep(EVENT_INTERVAL_MS);
      }
      reply.raw.end();
    },
  );

  const act = (
    path: string,
    capability: 'approve' | 'retract',
    summary: string,
    run: (tenantId: string, id: string, caller: Caller) => Promise<Retraction>,
  ) =>
    fastify.post(
      `/retractions/:id/${path}`,
      {
        config: { auth: capability === 'approve' ? 'user' : 'userOrApp' },
        preHandler: fastify.requireCapability(capability, { fresh: true }),
        schema: {
          summary,
          params: idParamSchema,
          response: { 200: retractionSchema, 409: problemResponses[400], ...problemResponses },
        },
      },
      async (request) => run(request.caller!.tenantId, request.params.id, request.caller!),
    );
  act('approve', 'approve', 'Approve a retraction waiting for a second administrator', (t, id, caller) =>
    service.approve(t, id, caller, nameOf(caller)),
  );
  act('cancel', 'retract', 'Stop what has not started', (t, id, caller) =>
    service.cancel(t, id, caller, nameOf(caller)),
  );

  fastify.post(
    '/retractions/:id/undo',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('retract', { fresh: true }),
      schema: {
        summary: 'Move every copy back where it was (all mailboxes or the ones named)',
        params: idParamSchema,
        body: undoRetractionSchema.nullish(),
        response: { 202: retractionSchema, 409: problemResponses[400], ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = request.caller!;
      return reply
        .code(202)
        .send(
          await service.undo(
            caller.tenantId,
            request.params.id,
            caller,
            nameOf(caller),
            request.body?.mailboxes,
          ),
        );
    },
  );

  fastify.post(
    '/retractions/:id/rescan',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('retract', { fresh: true }),
      schema: {
        summary: 'Search again now for copies that arrived late',
        params: idParamSchema,
        response: {
          200: z.object({ added: z.number().int(), retraction: retractionSchema }),
          409: problemResponses[400],
          ...problemResponses,
        },
      },
    },
    async (request) => service.rescan(request.caller!.tenantId, request.params.id),
  );

  fastify.get(
    '/retractions/:id/evidence',
    {
      config: { auth: 'userOrApp' },
      preHandler: fastify.requireCapability('retract'),
      schema: { summary: 'The MIME kept before a hard delete (message/rfc822)', params: idParamSchema },
    },
    async (request, reply) => {
      const row = await service.require(request.caller!.tenantId, request.params.id);
      const evidence = await fastify.retractions.repository.evidence(row.id);
      if (!evidence)
        throw problems.notFound('no evidence was kept for this retraction (only hard deletes keep it)');
      return reply.type('message/rfc822').header('x-content-sha256', evidence.sha256).send(evidence.mime);
    },
  );
};

export default retractionRoutes;
