// Each action really moves or deletes every copy (seen through the sandbox's own view of the
// mailboxes), undo puts copies back where they were, and a hard delete keeps the evidence and
// refuses undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { copiesOf, deliverMessage, requestRetraction, waitFor } from '../../helpers/retractions.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { onboardTenant } from '../../helpers/tenant.js';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
  await onboardTenant(api);
  // Approval is tested on its own; here every action runs at once.
  const policy = (
    await api.as('admin@contoso.com', { method: 'GET', url: '/api/v1/policies/auto-retraction' })
  ).json().policy;
  await api.as('admin@contoso.com', {
    method: 'PUT',
    url: '/api/v1/policies/auto-retraction',
    payload: { ...policy, requireApproval: [] },
  });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

describe.each([
  ['moveToJunk', 'junkemail'],
  ['moveToDeletedItems', 'deleteditems'],
  ['softDelete', 'recoverableitemsdeletions'],
  ['hardDelete', 'recoverableitemspurges'],
] as const)('%s', (action, folder) => {
  it(`puts every copy in ${folder}`, async () => {
    const message = await deliverMessage(api, ['sales@contoso.com']);
    const response = await requestRetraction(api, 'admin@contoso.com', {
      internetMessageId: message.internetMessageId,
      action,
      scope: { allPublished: true },
    });
    expect(response.statusCode).toBe(202);
    const done = await waitFor(api, response.json().id);
    expect(done).toMatchObject({
      status: 'completed',
      counts: { failed: 0, pending: 0, done: message.copies.length },
    });
    const copies = await copiesOf(api, message.internetMessageId);
    expect(copies.map((c) => c.folder)).toEqual(message.copies.map(() => folder));
    const stats = await sandbox.control.get<{
      actionsByMessage: Record<string, { move: number; permanentDelete: number }>;
    }>('/stats');
    const actions = stats.actionsByMessage[message.internetMessageId]!;
    expect(actions.move + actions.permanentDelete).toBe(message.copies.length);
  });
});

describe('undo', () => {
  // Regression: ids from searches inside $batch were REST ids (the outer Prefer header does not
  // reach inner requests), so after the move the undo could not find the copies.
  it('moves every copy back to the folder it came from, including ones the user had filed elsewhere', async () => {
    const message = await deliverMessage(api, ['engineering@contoso.com']);
    const filed = message.copies[0]!;
    await sandbox.control.post('/deliver', {
      from: 'x@y.example',
      to: [filed.mailbox],
      subject: 'unrelated',
    });
    const { graphClient } = await import('../../helpers/graph.js');
    await graphClient(sandbox, { immutableIds: true })
      .api(`/users/${filed.mailbox}/messages/${filed.id}/move`)
      .header('Prefer', 'IdType="ImmutableId"')
      .post({ destinationId: 'archive' });
    const retraction = (
      await requestRetraction(api, 'admin@contoso.com', {
        internetMessageId: message.internetMessageId,
        action: 'moveToJunk',
        scope: { allPublished: true },
      })
    ).json();
    expect((await waitFor(api, retraction.id)).undoable).toBe(true);
    const undo = await api.as('admin@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${retraction.id}/undo`,
    });
    expect(undo.statusCode, undo.body).toBe(202);
    expect(await waitFor(api, undo.json().id)).toMatchObject({
      kind: 'undo',
      status: 'completed',
      counts: { failed: 0 },
    });
    const copies = await copiesOf(api, message.internetMessageId);
    const byMailbox = new Map(copies.map((c) => [c.mailbox, c.folder]));
    expect(byMailbox.get(filed.mailbox)).toBe('archive');
    for (const copy of message.copies.slice(1)) expect(byMailbox.get(copy.mailbox)).toBe('inbox');
  });

  it('refuses to undo a hard delete, and kept the MIME as evidence before deleting', async () => {
    const message = await deliverMessage(api, ['alice@contoso.com', 'bob@contoso.com']);
    const retraction = (
      await requestRetraction(api, 'admin@contoso.com', {
        internetMessageId: message.internetMessageId,
        action: 'hardDelete',
        scope: { allPublished: true },
      })
    ).json();
    expect(retraction.recoverability).toMatch(/no undo/i);
    const done = await waitFor(api, retraction.id);
    expect(done.undoable).toBe(false);
    const undo = await api.as('admin@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${retraction.id}/undo`,
    });
    expect(undo.statusCode).toBe(409);
    expect(undo.json().detail).toMatch(/cannot be undone/);
    const evidence = await api.as('admin@contoso.com', {
      method: 'GET',
      url: `/api/v1/retractions/${retraction.id}/evidence`,
    });
    expect(evidence.statusCode).toBe(200);
    expect(evidence.headers['content-type']).toContain('message/rfc822');
    expect(evidence.body).toContain(message.internetMessageId);
  });
});

describe('the Outlook entry point', () => {
  it("resolves the admin's own item to its message and finds every recipient through the distribution lists", async () => {
    const message = await deliverMessage(api, ['all-staff@contoso.com']);
    const own = message.copies.find((c) => c.mailbox === 'admin@contoso.com')!;
    const response = await requestRetraction(api, 'admin@contoso.com', {
      itemId: own.id,
      action: 'moveToDeletedItems',
    });
    expect(response.statusCode).toBe(202);
    const done = await waitFor(api, response.json().id);
    expect(done).toMatchObject({
      source: 'addin',
      internetMessageId: message.internetMessageId,
      status: 'completed',
    });
    expect(done.counts.done).toBe(message.copies.length);
  });

  it("answers 404 for an item that is not in the admin's mailbox", async () => {
    const message = await deliverMessage(api, ['bob@contoso.com']);
    const response = await requestRetraction(api, 'admin@contoso.com', {
      itemId: message.copies[0]!.id,
      action: 'moveToJunk',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('message_not_found');
  });
});

describe('progress', () => {
  it('streams server-sent progress events until the end, and lists mailboxes as JSON pages and CSV', async () => {
    const message = await deliverMessage(api, ['sales@contoso.com']);
    const { id } = (
      await requestRetraction(api, 'admin@contoso.com', {
        internetMessageId: message.internetMessageId,
        action: 'moveToJunk',
        scope: { allPublished: true },
      })
    ).json();
    const events = await api.as('admin@contoso.com', {
      method: 'GET',
      url: `/api/v1/retractions/${id}/events`,
    });
    expect(events.headers['content-type']).toContain('text/event-stream');
    const frames = events.body.split('\n\n').filter(Boolean);
    expect(frames.at(-1)).toContain('event: end');
    const last = JSON.parse(frames.at(-2)!.split('\ndata: ')[1]!);
    expect(last.counts.pending).toBe(0);

    const first = (
      await api.as('admin@contoso.com', { method: 'GET', url: `/api/v1/retractions/${id}/mailboxes?limit=2` })
    ).json();
    expect(first.items).toHaveLength(2);
    const rest = (
      await api.as('admin@contoso.com', {
        method: 'GET',
        url: `/api/v1/retractions/${id}/mailboxes?limit=1000&cursor=${first.nextCursor}`,
      })
    ).json();
    expect(first.items.length + rest.items.length).toBe(last.counts.total);
    const csv = await api.as('admin@contoso.com', {
      method: 'GET',
      url: `/api/v1/retractions/${id}/mailboxes?format=csv`,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(last.counts.total + 1);
  });
});
