// Contract: the actions retraction uses — move (ids change unless immutable ids are asked for),
// DELETE (into Recoverable Items\Deletions) and permanentDelete (into Purges, beyond Graph).
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { ALICE, byInternetMessageId, copiesOf, deliver, type Message, type Page } from './mail-fixtures.js';

let sandbox: TestSandbox;
let graph: Client;
let stable: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox);
  stable = graphClient(sandbox, { immutableIds: true });
});
afterAll(() => sandbox.close());

const item = (id: string) => `/users/${ALICE}/messages/${id}`;

async function restIdOf(immutableId: string): Promise<string> {
  return ((await graph.api(item(immutableId)).select('id').get()) as Message).id!;
}

async function actions(internetMessageId: string) {
  const stats = await sandbox.control.get<{ actionsByMessage: Record<string, unknown> }>('/stats');
  return stats.actionsByMessage[internetMessageId];
}

describe('move', () => {
  it('answers 201 with the moved message under a new id; the old id no longer resolves', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    const oldId = await restIdOf(copies[0]!.id);
    const response = await graphFetch(sandbox, item(`${oldId}/move`), {
      method: 'POST',
      body: JSON.stringify({ destinationId: 'junkemail' }),
    });
    expect(response.status).toBe(201);
    const moved = (await response.json()) as Message;
    expect(moved.id).not.toBe(oldId);
    expect(moved.internetMessageId).toBe(internetMessageId);
    const junk = (await graph.api(`/users/${ALICE}/mailFolders/junkemail`).get()) as { id: string };
    expect(moved.parentFolderId).toBe(junk.id);
    await expect(graph.api(item(oldId)).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
    });
    expect(((await graph.api(item(moved.id!)).get()) as Message).id).toBe(moved.id);
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([
      expect.objectContaining({ folder: 'junkemail' }),
    ]);
    expect(await actions(internetMessageId)).toEqual({ move: 1, delete: 0, permanentDelete: 0 });
  });

  it('keeps the id with Prefer: IdType="ImmutableId", and the id still resolves after the move', async () => {
    const { copies } = await deliver(sandbox);
    const id = copies[0]!.id;
    const moved = (await stable.api(item(`${id}/move`)).post({ destinationId: 'deleteditems' })) as Message;
    expect(moved.id).toBe(id);
    const again = (await stable.api(item(`${id}/move`)).post({ destinationId: 'inbox' })) as Message;
    expect(again.id).toBe(id);
    expect(((await stable.api(item(id)).get()) as Message).id).toBe(id);
  });

  it('takes a folder id as destination', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    const projects = (
      (await graph
        .api(`/users/${ALICE}/mailFolders/inbox/childFolders`)
        .filter("displayName eq 'Projects'")
        .get()) as Page<{ id: string }>
    ).value[0]!;
    const moved = (await stable
      .api(item(`${copies[0]!.id}/move`))
      .post({ destinationId: projects.id })) as Message;
    expect(moved.parentFolderId).toBe(projects.id);
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([
      expect.objectContaining({ folder: 'Projects' }),
    ]);
  });

  it('refuses a custom folder display name as destination: 400 ErrorInvalidIdMalformed', async () => {
    const { copies } = await deliver(sandbox);
    await expect(
      stable.api(item(`${copies[0]!.id}/move`)).post({ destinationId: 'Projects' }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidIdMalformed',
      message: 'Id is malformed.',
    });
  });

  it('moves into recoverableitemsdeletions', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    await stable.api(item(`${copies[0]!.id}/move`)).post({ destinationId: 'recoverableitemsdeletions' });
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([
      expect.objectContaining({ folder: 'recoverableitemsdeletions' }),
    ]);
  });

  it('also works under /mailFolders/{id}/messages/{id}', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    await stable
      .api(`/users/${ALICE}/mailFolders/inbox/messages/${copies[0]!.id}/move`)
      .post({ destinationId: 'archive' });
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([
      expect.objectContaining({ folder: 'archive' }),
    ]);
  });
});

describe('delete', () => {
  it('DELETE answers 204 and puts the message in recoverableitemsdeletions, not Deleted Items', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    const response = await graphFetch(sandbox, item(await restIdOf(copies[0]!.id)), { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([
      expect.objectContaining({ mailbox: ALICE, folder: 'recoverableitemsdeletions' }),
    ]);
    const deleted = await graph
      .api(`/users/${ALICE}/mailFolders/deleteditems/messages`)
      .filter(byInternetMessageId(internetMessageId))
      .get();
    expect(deleted.value).toEqual([]);
    expect(await actions(internetMessageId)).toEqual({ move: 0, delete: 1, permanentDelete: 0 });
  });

  it('permanentDelete answers 204, lands in recoverableitemspurges and vanishes from every Graph listing', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    const id = copies[0]!.id;
    const response = await graphFetch(sandbox, item(`${id}/permanentDelete`), { method: 'POST' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([
      expect.objectContaining({ folder: 'recoverableitemspurges' }),
    ]);
    for (const path of [
      `/users/${ALICE}/messages`,
      `/users/${ALICE}/mailFolders/recoverableitemsdeletions/messages`,
      `/users/${ALICE}/mailFolders/deleteditems/messages`,
      `/users/${ALICE}/mailFolders/inbox/messages`,
    ]) {
      const { value } = (await stable
        .api(path)
        .filter(byInternetMessageId(internetMessageId))
        .get()) as Page<Message>;
      expect(value).toEqual([]);
    }
    await expect(stable.api(item(id)).get()).rejects.toMatchObject({ statusCode: 404 });
    expect(await actions(internetMessageId)).toEqual({ move: 0, delete: 0, permanentDelete: 1 });
  });

  it('permanentDelete of a soft-deleted message works under /mailFolders/recoverableitemsdeletions', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    const id = copies[0]!.id;
    await stable.api(item(id)).delete();
    await stable
      .api(`/users/${ALICE}/mailFolders/recoverableitemsdeletions/messages/${id}/permanentDelete`)
      .post({});
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([
      expect.objectContaining({ folder: 'recoverableitemspurges' }),
    ]);
  });

  it('needs Mail.ReadWrite', async () => {
    const { copies } = await deliver(sandbox);
    const app = await sandbox.control.get<{ permissions: string[] }>('/app');
    await sandbox.control.put('/app', { permissions: ['Mail.Read'] });
    try {
      const readOnly = graphClient(sandbox, { immutableIds: true });
      await expect(readOnly.api(item(copies[0]!.id)).delete()).rejects.toMatchObject({
        statusCode: 403,
        code: 'ErrorAccessDenied',
      });
    } finally {
      await sandbox.control.put('/app', { permissions: app.permissions });
    }
  });
});

describe('update', () => {
  it('marks a message read and sets categories', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    const updated = (await stable
      .api(item(copies[0]!.id))
      .patch({ isRead: true, categories: ['Reported'] })) as Message;
    expect(updated).toMatchObject({ isRead: true, categories: ['Reported'] });
    expect(await copiesOf(sandbox, internetMessageId)).toEqual([expect.objectContaining({ isRead: true })]);
    await expect(stable.api(item(copies[0]!.id)).patch({ subject: 'changed' })).rejects.toMatchObject({
      statusCode: 501,
    });
  });
});
