// Data sources as the API manages them: create with the seed's defaults, change, delete, run one
// batch now, list batches and their mailboxes, export. Every change, run and export is audited.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  COLLECTION_DEFAULTS,
  type Collection,
  type CollectionBatch,
  type ExportQuery,
  type Monitored,
} from '@clawback/shared';
import type { CollectionSettingsColumn } from '../db/schema/index.js';
import { ProblemError, problems } from '../http/problem.js';
import type { Actor, BatchService } from './batch-service.js';
import type { CollectionDeps } from './deps.js';
import { emlDigest } from './export/eml.js';
import { icsCalendar } from './export/ics.js';
import { exportItems } from './export/items.js';
import { jsonLines } from './export/jsonl.js';
import { mimePath } from './graph-calls.js';
import { PROBLEM_STATUSES, type BatchRow, type CollectionRow } from './repository.js';
import { batchView, collectionView, mailboxView } from './view.js';
import { wholeMinute } from './windows.js';

export interface CreateInput {
  name: string;
  type: 'mailAndCalendar' | 'mail';
  monitored: Monitored;
  settings: Partial<CollectionSettingsColumn>;
  collectFrom?: string;
  enabled: boolean;
}

export type UpdateInput = Partial<Omit<CreateInput, 'collectFrom'>>;

const CONTENT_TYPES = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  eml: 'message/rfc822',
  ics: 'text/calendar; charset=utf-8',
} as const;

export function createCollectionService(deps: CollectionDeps, batches: BatchService) {
  const { repository } = deps;

  async function found(tenantId: string, id: string): Promise<CollectionRow> {
    const row = await repository.get(tenantId, id);
    if (!row) throw problems.notFound(`no collection ${id}`);
    return row;
  }

  async function checkDomains(tenantId: string, monitored: Monitored): Promise<void> {
    if (monitored.domains.length === 0) return;
    const published = new Set(
      (await deps.directory().publishedDomains(tenantId)).map((d) => d.toLowerCase()),
    );
    const missing = monitored.domains.filter((d) => !published.has(d.toLowerCase()));
    if (missing.length)
      throw new ProblemError(
        400,
        'domain_not_published',
        'The domain is not published',
        `not published: ${missing.join(', ')}`,
      );
  }

  async function batchOut(row: BatchRow): Promise<CollectionBatch> {
    const open = row.status === 'running' || row.status === 'retryScheduled';
    const live = open ? await repository.tally(row.id) : null;
    return batchView(row, live, await repository.mailboxes(row.id, { statuses: PROBLEM_STATUSES }, 50));
  }

  async function collectionOut(row: CollectionRow): Promise<Collection> {
    const [last] = await repository.batches(row.tenantId, row.id, null, 1);
    return collectionView(row, last ? await batchOut(last) : null);
  }

  async function audit(
    tenantId: string,
    actor: Actor,
    action: string,
    targetId: string,
    details: Record<string, unknown>,
  ) {
    await deps.audit.record({
      tenantId,
      ...actor,
      action,
      targetType: 'collection',
      targetId,
      outcome: 'success',
      details,
    });
  }

  return {
    async create(tenantId: string, input: CreateInput, actor: Actor): Promise<Collection> {
      await checkDomains(tenantId, input.monitored);
      const now = new Date();
      const collectFrom = wholeMinute(input.collectFrom ? new Date(input.collectFrom) : now);
      const row = await repository.insert({
        id: randomUUID(),
        tenantId,
        name: input.name,
        type: input.type,
        monitored: input.monitored,
        settings: { ...COLLECTION_DEFAULTS, ...input.settings },
        enabled: input.enabled,
        collectFrom,
        nextWindowStart: collectFrom,
        createdBy: actor.actorName ?? actor.actorId ?? 'unknown',
        createdAt: now,
        updatedAt: now,
      });
      await audit(tenantId, actor, 'collection.created', row.id, {
        name: row.name,
        type: row.type,
        monitored: row.monitored,
        settings: row.settings,
        collectFrom: collectFrom.toISOString(),
      });
      return collectionOut(row);
    },

    async get(tenantId: string, id: string): Promise<Collection> {
      return collectionOut(await found(tenantId, id));
    },

    async list(tenantId: string, before: { createdAt: Date; id: string } | null, limit: number) {
      const rows = await repository.list(tenantId, before, limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: await Promise.all(page.map(collectionOut)),
        more: rows.length > limit,
        last: page.at(-1),
      };
    },

    async update(tenantId: string, id: string, input: UpdateInput, actor: Actor): Promise<Collection> {
      const current = await found(tenantId, id);
      if (input.monitored) await checkDomains(tenantId, input.monitored);
      const row = await repository.update(tenantId, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.monitored !== undefined ? { monitored: input.monitored } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.settings ? { settings: { ...current.settings, ...input.settings } } : {}),
      });
      if (!row) throw problems.notFound(`no collection ${id}`);
      await audit(tenantId, actor, 'collection.updated', id, { changed: input });
      return collectionOut(row);
    },

    async remove(tenantId: string, id: string, actor: Actor): Promise<void> {
      const current = await found(tenantId, id);
      if (!(await repository.remove(tenantId, id))) throw problems.notFound(`no collection ${id}`);
      await audit(tenantId, actor, 'collection.deleted', id, {
        name: current.name,
        batches: current.batchCount,
      });
    },

    /** Starts the next due batch now; 409 when one is running or no full window is due yet. */
    async run(tenantId: string, id: string, actor: Actor): Promise<CollectionBatch> {
      const collection = await found(tenantId, id);
      const result = await batches.start(collection, 'manual', actor);
      if (!result.started) {
        if (result.reason === 'busy') throw problems.conflict(`batch ${result.batch.seq} is still running`);
        throw problems.conflict(
          `no collection period has ended yet: the next one is due at ${result.dueAt.toISOString()}`,
        );
      }
      await audit(tenantId, actor, 'collection.run', id, { batchId: result.batch.id, seq: result.batch.seq });
      return batchOut(result.batch);
    },

    async batches(tenantId: string, id: string, beforeSeq: number | null, limit: number) {
      await found(tenantId, id);
      const rows = await repository.batches(tenantId, id, beforeSeq, limit + 1);
      const page = rows.slice(0, limit);
      return { items: await Promise.all(page.map(batchOut)), more: rows.length > limit, last: page.at(-1) };
    },

    async mailboxes(
      tenantId: string,
      id: string,
      batchId: string,
      filter: { status?: string; after?: string },
      limit: number,
    ) {
      if (!(await repository.batchOf(tenantId, id, batchId)))
        throw problems.notFound(`no batch ${batchId} in collection ${id}`);
      const rows = await repository.mailboxes(
        batchId,
        { statuses: filter.status ? [filter.status] : undefined, afterMailboxId: filter.after },
        limit + 1,
      );
      const page = rows.slice(0, limit);
      return { items: page.map(mailboxView), more: rows.length > limit, last: page.at(-1) };
    },

    /** The export as a stream (one page of items in memory at a time) and how to name it. */
    async export(tenantId: string, id: string, query: ExportQuery, actor: Actor) {
      const collection = await found(tenantId, id);
      if (query.batchId && !(await repository.batchOf(tenantId, id, query.batchId)))
        throw problems.notFound(`no batch ${query.batchId} in collection ${id}`);
      let mailboxId: string | undefined;
      if (query.mailbox) {
        const ref = await deps.directory().findMailbox(tenantId, query.mailbox);
        mailboxId = ref?.id ?? query.mailbox.toLowerCase();
      }
      const scope = {
        tenantId,
        collectionId: id,
        batchId: query.batchId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        mailboxId,
        kind:
          query.format === 'eml'
            ? ('message' as const)
            : query.format === 'ics'
              ? ('event' as const)
              : undefined,
      };
      const rows = exportItems(deps.items, scope);
      const title = `${collection.name}: ${query.batchId ? `batch ${query.batchId}` : `${query.from ?? '…'} to ${query.to ?? '…'}`}`;
      const source =
        query.format === 'jsonl'
          ? jsonLines(rows)
          : query.format === 'ics'
            ? icsCalendar(rows)
            : emlDigest(rows, (row) => mimeOf(deps, row.mailboxId, row.itemId), title);
      await audit(tenantId, actor, 'collection.exported', id, { ...query });
      return {
        stream: Readable.from(source, { objectMode: false }),
        contentType: CONTENT_TYPES[query.format],
        filename: `collection-${id}${query.batchId ? `-batch-${query.batchId}` : ''}.${query.format}`,
      };
    },
  };
}

async function mimeOf(
  deps: CollectionDeps,
  mailboxId: string,
  itemId: string,
): Promise<AsyncIterable<Uint8Array>> {
  return (await deps.graph.client.api(mimePath(mailboxId, itemId)).getStream()) as AsyncIterable<Uint8Array>;
}

export type CollectionService = ReturnType<typeof createCollectionService>;
