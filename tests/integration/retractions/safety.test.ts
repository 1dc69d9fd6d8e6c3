// What must never happen: acting on a dry run, acting twice, acting for someone without the role,
// acting outside the published domains or the application access scope, or letting a message id
// become part of a Graph filter.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { copiesOf, deliverMessage, requestRetraction, waitFor } from '../../helpers/retractions.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { onboardTenant } from '../../helpers/tenant.js';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: 30 });
  api = await startTestApi(sandbox);
  await onboardTenant(api);
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const actionsOn = async (internetMessageId: string) =>
  (await sandbox.control.get<{ actionsByMessage: Record<string, unknown> }>('/stats')).actionsByMessage[
    internetMessageId
  ];

describe('dry run', () => {
  it('returns the blast radius and touches nothing', async () => {
    const message = await deliverMessage(api, ['sales@contoso.com']);
    const response = await requestRetraction(api, 'admin@contoso.com', {
      internetMessageId: message.internetMessageId,
      action: 'hardDelete',
      dryRun: true,
      scope: { allPublished: true },
    });
    const plan = await waitFor(api, response.json().id);
    // Only published mailboxes are searched: sales@ also reaches one in northwindtraders.com.
    const published = message.copies.filter((c) => c.mailbox.endsWith('@contoso.com')).length;
    expect(published).toBeLessThan(message.copies.length);
    expect(plan).toMatchObject({
      status: 'completed',
      dryRun: true,
      plan: { withCopies: published, copies: published, byFolder: { inbox: published }, skipped: 1 },
    });
    expect(await actionsOn(message.internetMessageId)).toBeUndefined();
    expect((await copiesOf(api, message.internetMessageId)).every((c) => c.folder === 'inbox')).toBe(true);
  });
});

describe('who may retract', () => {
  it.each(['alice@contoso.com', 'reader@contoso.com', 'secops@contoso.com'])(
    'refuses %s with 403 and an audit row',
    async (user) => {
      const before = await api.app.audit.list(sandbox.tenantId, { action: 'access.denied' }, 1000);
      const response = await requestRetraction(api, user, {
        internetMessageId: '<x@example.com>',
        action: 'moveToJunk',
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('role_required');
      expect((await api.app.audit.list(sandbox.tenantId, { action: 'access.denied' }, 1000)).length).toBe(
        before.length + 1,
      );
    },
  );
});

describe('input', () => {
  it.each([
    ["x' or true or 'a", 'a raw filter injection'],
    ['no-angle@example.com', 'a bare address'],
    ['<two@ids.example> <ids@example.com>', 'two ids'],
    [`<${'a'.repeat(1000)}@example.com>`, 'an id over 998 characters'],
    ['<näive@example.com>', 'non-ASCII'],
  ])('refuses %s (%s) with 400 naming the field', async (internetMessageId) => {
    const response = await requestRetraction(api, 'admin@contoso.com', {
      internetMessageId,
      action: 'moveToJunk',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toContain('internetMessageId');
  });

  it('refuses unknown actions, extra fields and two targets at once', async () => {
    for (const body of [
      { internetMessageId: '<a@b.c>', action: 'shred' },
      { internetMessageId: '<a@b.c>', action: 'moveToJunk', tenantId: 'x' },
      {
        internetMessageId: '<a@b.c>',
        campaignId: '2f5c8e1a-7d43-4b9e-a1c6-0e8d3f7b9a24',
        action: 'moveToJunk',
      },
    ])
      expect((await requestRetraction(api, 'admin@contoso.com', body)).statusCode).toBe(400);
  });

  it('matches an id containing a quote literally, and only that message', async () => {
    const tricky = `<o'brien'or'a'='a@quotes.example>`;
    await sandbox.control.post('/deliver', {
      from: 'a@quotes.example',
      to: ['bob@contoso.com'],
      subject: 'quote',
      internetMessageId: tricky,
    });
    const other = await deliverMessage(api, ['bob@contoso.com']);
    const response = await requestRetraction(api, 'admin@contoso.com', {
      internetMessageId: tricky,
      action: 'moveToJunk',
      scope: { mailboxes: ['bob@contoso.com'] },
    });
    expect(response.statusCode).toBe(202);
    expect(await waitFor(api, response.json().id)).toMatchObject({
      status: 'completed',
      counts: { done: 1 },
    });
    expect((await copiesOf(api, tricky))[0]!.folder).toBe('junkemail');
    expect((await copiesOf(api, other.internetMessageId))[0]!.folder).toBe('inbox');
  });
});

describe('scope', () => {
  it('skips mailboxes in unpublished domains and outside the application access scope, with a reason', async () => {
    const message = await deliverMessage(api, [
      'alice@contoso.com',
      'bob@contoso.com',
      'user0025@northwindtraders.com',
    ]);
    await sandbox.control.put('/faults', {
      accessScope: ['alice@contoso.com', 'user0025@northwindtraders.com'],
    });
    try {
      const response = await requestRetraction(api, 'admin@contoso.com', {
        internetMessageId: message.internetMessageId,
        action: 'moveToJunk',
        scope: { mailboxes: ['alice@contoso.com', 'bob@contoso.com', 'user0025@northwindtraders.com'] },
      });
      const done = await waitFor(api, response.json().id);
      expect(done.counts).toMatchObject({ total: 3, done: 1, skipped: 2 });
      const rows = (
        await api.as('admin@contoso.com', { method: 'GET', url: `/api/v1/retractions/${done.id}/mailboxes` })
      ).json().items;
      const reasons = Object.fromEntries(
        rows.map((r: { mailbox: string; reason: string }) => [r.mailbox, r.reason]),
      );
      expect(reasons).toMatchObject({
        'bob@contoso.com': 'outOfScope',
        'user0025@northwindtraders.com': 'notPublished',
      });
    } finally {
      await sandbox.control.put('/faults', { accessScope: null });
    }
  });
});

describe('idempotency', () => {
  it('makes one retraction of two identical concurrent requests, and returns it for a repeated key', async () => {
    const message = await deliverMessage(api, ['engineering@contoso.com']);
    const body = {
      internetMessageId: message.internetMessageId,
      action: 'moveToJunk',
      scope: { allPublished: true },
    };
    // Graph latency keeps the first retraction running while the second request arrives.
    await sandbox.control.put('/faults', { latencyMs: 150 });
    try {
      const [a, b] = await Promise.all([
        requestRetraction(api, 'admin@contoso.com', body),
        requestRetraction(api, 'admin2@contoso.com', body),
      ]);
      expect(a.json().id).toBe(b.json().id);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 202]);
      await waitFor(api, a.json().id);
    } finally {
      await sandbox.control.put('/faults', { latencyMs: 0 });
    }
    const keyed = {
      ...body,
      internetMessageId: (await deliverMessage(api, ['bob@contoso.com'])).internetMessageId,
    };
    const first = await requestRetraction(api, 'admin@contoso.com', keyed, {
      'idempotency-key': 'ticket-4711',
    });
    const again = await requestRetraction(api, 'admin@contoso.com', keyed, {
      'idempotency-key': 'ticket-4711',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, existing: true });
    await waitFor(api, first.json().id);
    const stats = await sandbox.control.get<{ actionsByMessage: Record<string, { move: number }> }>('/stats');
    expect(stats.actionsByMessage[message.internetMessageId]!.move).toBe(message.copies.length);
  });

  it('refuses a different action while one is running for the message', async () => {
    const message = await deliverMessage(api, ['sales@contoso.com']);
    await sandbox.control.put('/faults', { latencyMs: 200 });
    try {
      const first = await requestRetraction(api, 'admin@contoso.com', {
        internetMessageId: message.internetMessageId,
        action: 'moveToJunk',
        scope: { allPublished: true },
      });
      const second = await requestRetraction(api, 'admin@contoso.com', {
        internetMessageId: message.internetMessageId,
        action: 'softDelete',
        scope: { allPublished: true },
      });
      expect(second.statusCode).toBe(409);
      await waitFor(api, first.json().id);
    } finally {
      await sandbox.control.put('/faults', { latencyMs: 0 });
    }
  });
});

describe('late copies', () => {
  it('are found and retracted by a rescan while the retraction is armed', async () => {
    const message = await deliverMessage(api, ['alice@contoso.com']);
    const { id } = (
      await requestRetraction(api, 'admin@contoso.com', {
        internetMessageId: message.internetMessageId,
        action: 'moveToJunk',
        scope: { allPublished: true },
      })
    ).json();
    const done = await waitFor(api, id);
    expect(done.armedUntil).not.toBeNull();
    // The same message arrives late in bob's mailbox (a delayed delivery or an internal forward).
    await sandbox.control.post('/deliver', {
      from: 'billing@fake-vendor.example',
      to: ['bob@contoso.com'],
      subject: 'late',
      internetMessageId: message.internetMessageId,
    });
    const rescan = await api.as('admin@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${id}/rescan`,
    });
    expect(rescan.json().added).toBe(1);
    await waitFor(api, id);
    expect((await copiesOf(api, message.internetMessageId)).map((c) => c.folder)).toEqual([
      'junkemail',
      'junkemail',
    ]);
  });

  it('schedules rescans inside the armed window', async () => {
    const rows = await api.app.database.db.execute(
      sql`select count(*)::int as n from pgboss.job where name = 'retraction-rescan'`,
    );
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThan(0);
  });
});
