// The audit log is a hash chain: any edited, deleted or truncated row is found by /audit/verify.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

async function seedEvents(count: number) {
  await api.app.audit.recordMany(
    Array.from({ length: count }, (_, i) => ({
      tenantId: sandbox.tenantId,
      actorType: 'system' as const,
      action: 'test.event',
      outcome: 'success' as const,
      targetId: `target-${i}`,
      details: { index: i, nested: { b: 2, a: 1 } },
    })),
  );
}

const verify = async () =>
  (await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit/verify' })).json();

describe('audit chain', () => {
  it('keeps one unbroken chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, () => seedEvents(5)));
    const result = await verify();
    expect(result).toMatchObject({ valid: true });
    expect(result.checked).toBe(result.headSeq);
    expect(result.checked).toBeGreaterThanOrEqual(100);
  });

  it('pages newest first with an opaque cursor and filters by action prefix', async () => {
    const first = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit?action=test.*&limit=30' })
    ).json();
    expect(first.items).toHaveLength(30);
    const second = (
      await api.as('reader@contoso.com', {
        method: 'GET',
        url: `/api/v1/audit?action=test.*&limit=30&cursor=${first.nextCursor}`,
      })
    ).json();
    const seqs = [...first.items, ...second.items].map((e: { seq: number }) => e.seq);
    expect(new Set(seqs).size).toBe(60);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('refuses a malformed cursor and an unknown filter with 400 naming the field', async () => {
    const bad = await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit?cursor=%27%3Bdrop' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('cursor');
    const unknown = await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/audit?tenantId=x' });
    expect(unknown.statusCode).toBe(400);
  });

  it('is not readable by a user without a security role', async () => {
    expect((await api.as('alice@contoso.com', { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });

  it('detects an edited row', async () => {
    await api.app.database.db.execute(
      sql`update audit_events set details = '{"index":999}'::jsonb where seq = 7 and tenant_id = ${sandbox.tenantId}`,
    );
    expect(await verify()).toMatchObject({ valid: false, brokenAt: 7, problem: 'hashMismatch' });
  });

  it('detects a deleted row and a truncated tail', async () => {
    const fresh = await startTestApi(sandbox);
    try {
      await fresh.app.audit.recordMany(
        Array.from({ length: 10 }, (_, i) => ({
          tenantId: sandbox.tenantId,
          actorType: 'system' as const,
          action: 'test.event',
          outcome: 'success' as const,
          targetId: String(i),
        })),
      );
      const db = fresh.app.database.db;
      await db.execute(sql`delete from audit_events where seq = 4`);
      expect(await fresh.app.audit.verify(sandbox.tenantId)).toMatchObject({
        valid: false,
        brokenAt: 4,
        problem: 'missingRow',
      });
      await db.execute(sql`delete from audit_events where seq >= 4`);
      expect(await fresh.app.audit.verify(sandbox.tenantId)).toMatchObject({
        valid: false,
        problem: 'truncated',
      });
    } finally {
      await fresh.close();
    }
  });
});
