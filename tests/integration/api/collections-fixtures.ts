// Collection test helpers: create a data source as an administrator, run one batch and wait for it
// to settle, read exports. Data sources are created disabled so the minute tick never starts a
// batch behind a test's back; POST /run still runs them.
import { expect } from 'vitest';
import type { CollectionBatch, Collection, ExportedItem } from '@clawback/shared';
import type { TestApi } from '../../helpers/api.js';

export const ADMIN = 'admin@contoso.com';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function iso(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function createCollection(api: TestApi, body: Record<string, unknown>): Promise<Collection> {
  const response = await api.as(ADMIN, {
    method: 'POST',
    url: '/api/v1/collections',
    payload: { enabled: false, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Starts one batch and waits until it is no longer running; answers its final state. */
export async function runBatch(
  api: TestApi,
  collectionId: string,
  timeoutMs = 45_000,
): Promise<CollectionBatch> {
  const response = await api.as(ADMIN, { method: 'POST', url: `/api/v1/collections/${collectionId}/run` });
  expect(response.statusCode, response.body).toBe(202);
  return waitForBatch(api, collectionId, (response.json() as CollectionBatch).id, timeoutMs);
}

export async function waitForBatch(
  api: TestApi,
  collectionId: string,
  batchId: string,
  timeoutMs = 45_000,
): Promise<CollectionBatch> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await batchById(api, collectionId, batchId);
    if (batch.status !== 'running') return batch;
    if (Date.now() > deadline)
      throw new Error(`batch ${batchId} still running: ${JSON.stringify(batch.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function batchById(
  api: TestApi,
  collectionId: string,
  batchId: string,
): Promise<CollectionBatch> {
  const response = await api.as(ADMIN, {
    method: 'GET',
    url: `/api/v1/collections/${collectionId}/batches?limit=200`,
  });
  expect(response.statusCode, response.body).toBe(200);
  const batch = (response.json() as { items: CollectionBatch[] }).items.find((b) => b.id === batchId);
  if (!batch) throw new Error(`no batch ${batchId}`);
  return batch;
}

export async function exportRaw(api: TestApi, collectionId: string, query: string) {
  const response = await api.as(ADMIN, {
    method: 'GET',
    url: `/api/v1/collections/${collectionId}/export?${query}`,
  });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  return response;
}

export async function exportJsonl(
  api: TestApi,
  collectionId: string,
  batchId: string,
): Promise<ExportedItem[]> {
  const response = await exportRaw(api, collectionId, `format=jsonl&batchId=${batchId}`);
  return response.body
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ExportedItem);
}

export interface Delivered {
  internetMessageId: string;
  copies: { mailbox: string; id: string }[];
}

export function deliver(api: TestApi, body: Record<string, unknown>): Promise<Delivered> {
  return api.sandbox.control.post<Delivered>('/deliver', body);
}

export async function sandboxCopies(api: TestApi, internetMessageId: string) {
  return api.sandbox.control.get<{ mailbox: string; folder: string; id: string }[]>(
    `/messages?internetMessageId=${encodeURIComponent(internetMessageId)}`,
  );
}
