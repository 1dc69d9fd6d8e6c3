// Data sources collecting the mail and calendar of monitored people (seed 002). Reading needs
// readReports (the architecture: analysts read collections); creating, changing, deleting, running
// and exporting need editPolicies, because a data source decides whose mail is copied and an
// export hands that mail out.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  batchIdParams,
  batchListQuerySchema,
  batchMailboxesQuerySchema,
  batchMailboxSchema,
  batchSchema,
  collectionIdParams,
  collectionListQuerySchema,
  collectionSchema,
  createCollectionSchema,
  exportQuerySchema,
  pageOf,
  problemResponses,
  problemSchema,
  updateCollectionSchema,
} from '@clawback/shared';
import type { Actor } from '../collections/batch-service.js';
import { problems } from '../http/problem.js';
import { auditContext } from '../plugins/audit.js';

const withConflict = { ...problemResponses, 409: problemSchema } as const;

function actorOf(request: FastifyRequest): Actor {
  const context = auditContext(request);
  return {
    actorType: context.actorType,
    actorId: context.actorId ?? null,
    actorName: context.actorName ?? null,
    requestId: context.requestId ?? null,
    ip: context.ip ?? null,
  };
}

function decode(cursor: string | undefined): string | null {
  return cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null;
}

function encode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

const collectionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const read = {
    config: { auth: 'userOrApp' as const },
    preHandler: fastify.requireCapability('readReports'),
  };
  const edit = {
    config: { auth: 'userOrApp' as const },
    preHandler: fastify.requireCapability('editPolicies', { fresh: true }),
  };
  const tenantOf = (request: FastifyRequest) => request.caller!.tenantId;

  fastify.get(
    '/collections',
    {
      ...read,
      schema: {
        summary: 'Data sources, newest first',
        querystring: collectionListQuerySchema,
        response: { 200: pageOf(collectionSchema), ...problemResponses },
      },
    },
    async (request) => {
      const raw = decode(request.query.cursor);
      const [time, id] = raw?.split(' ') ?? [];
      if (raw && (!time || !id || Number.isNaN(Number(time))))
        throw problems.badRequest('the cursor is not one this API gave out');
      const before = raw ? { createdAt: new Date(Number(time)), id: id! } : null;
      const page = await fastify.collections.list(tenantOf(request), before, request.query.limit);
      const last = page.last;
      return {
        items: page.items,
        nextCursor: page.more && last ? encode(`${last.createdAt.getTime()} ${last.id}`) : null,
      };
    },
  );

  fastify.post(
    '/collections',
    {
      ...edit,
      schema: {
        summary: 'Create a data source (defaults as the seed documents them)',
        body: createCollectionSchema,
        response: { 201: collectionSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await fastify.collections.create(tenantOf(request), request.body, actorOf(request))),
  );

  fastify.get(
    '/collections/:id',
    {
      ...read,
      schema: { params: collectionIdParams, response: { 200: collectionSchema, ...problemResponses } },
    },
    async (request) => fastify.collections.get(tenantOf(request), request.params.id),
  );

  fastify.patch(
    '/collections/:id',
    {
      ...edit,
      schema: {
        summary: 'Change a data source (name, type, monitored individuals, settings, enabled)',
        params: collectionIdParams,
        body: updateCollectionSchema,
        response: { 200: collectionSchema, ...problemResponses },
      },
    },
    async (request) =>
      fastify.collections.update(tenantOf(request), request.params.id, request.body, actorOf(request)),
  );

  fastify.delete(
    '/collections/:id',
    {
      ...edit,
      schema: {
        summary: 'Delete a data source and everything it collected',
        params: collectionIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await fastify.collections.remove(tenantOf(request), request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/collections/:id/run',
    {
      ...edit,
      schema: {
        summary: 'Collect the next due period now (one batch)',
        params: collectionIdParams,
        response: { 202: batchSchema, ...withConflict },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await fastify.collections.run(tenantOf(request), request.params.id, actorOf(request))),
  );

  fastify.get(
    '/collections/:id/batches',
    {
      ...read,
      schema: {
        summary: 'Batches of a data source, newest first',
        params: collectionIdParams,
        querystring: batchListQuerySchema,
        response: { 200: pageOf(batchSchema), ...problemResponses },
      },
    },
    async (request) => {
      const raw = decode(request.query.cursor);
      const beforeSeq = raw === null ? null : Number.parseInt(raw, 10);
      if (beforeSeq !== null && !Number.isSafeInteger(beforeSeq))
        throw problems.badRequest('the cursor is not one this API gave out');
      const page = await fastify.collections.batches(
        tenantOf(request),
        request.params.id,
        beforeSeq,
        request.query.limit,
      );
      return { items: page.items, nextCursor: page.more && page.last ? encode(String(page.last.seq)) : null };
    },
  );

  fastify.get(
    '/collections/:id/batches/:batchId/mailboxes',
    {
      ...read,
      schema: {
        summary: "Each monitored mailbox's status in a batch",
        params: batchIdParams,
        querystring: batchMailboxesQuerySchema,
        response: { 200: pageOf(batchMailboxSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { status, cursor, limit } = request.query;
      const page = await fastify.collections.mailboxes(
        tenantOf(request),
        request.params.id,
        request.params.batchId,
        { status, after: decode(cursor) ?? undefined },
        limit,
      );
      return { items: page.items, nextCursor: page.more && page.last ? encode(page.last.mailboxId) : null };
    },
  );

  fastify.get(
    '/collections/:id/export',
    {
      ...edit,
      schema: {
        summary: 'Export a batch or a received-time range as JSON Lines, EML (digest) or iCalendar',
        params: collectionIdParams,
        querystring: exportQuerySchema,
        response: { 200: z.any().describe('the export, streamed'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await fastify.collections.export(
        tenantOf(request),
        request.params.id,
        request.query,
        actorOf(request),
      );
      return reply
        .type(result.contentType)
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .header('cache-control', 'no-store')
        .send(result.stream);
    },
  );
};

export default collectionRoutes;
