// Contract: mail folders — one level at a time, hidden folders only on request, well-known names,
// counts, and creating a custom folder.
import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { ALICE, BOB, collectAll, deliver, type Page } from './mail-fixtures.js';

type Folder = MicrosoftGraph.MailFolder;

let sandbox: TestSandbox;
let graph: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox);
});
afterAll(() => sandbox.close());

const folders = (path = `/users/${ALICE}/mailFolders`) => graph.api(path);

describe('listing', () => {
  it('lists the top level under msgfolderroot; hidden folders only with includeHiddenFolders=true', async () => {
    const root = (await folders(`/users/${ALICE}/mailFolders/msgfolderroot`).get()) as Folder;
    const visible = await collectAll<Folder>(graph, await folders().get());
    const names = visible.map((f) => f.displayName);
    expect(names).toEqual(
      expect.arrayContaining(['Inbox', 'Sent Items', 'Deleted Items', 'Junk Email', 'Archive']),
    );
    expect(visible.every((f) => f.isHidden === false && f.parentFolderId === root.id)).toBe(true);
    expect(names).not.toContain('Projects');
    expect(names).not.toContain('Deletions');

    const all = await collectAll<Folder>(
      graph,
      await folders().query({ includeHiddenFolders: 'true' }).get(),
    );
    const hidden = all.filter((f) => f.isHidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(all.length).toBe(visible.length + hidden.length);
    expect(all.map((f) => f.displayName)).not.toContain('Recoverable Items');
  });

  it('shapes a folder with its counts', async () => {
    const inbox = (await folders(`/users/${BOB}/mailFolders/Inbox`).get()) as Folder;
    expect(Object.keys(inbox).sort()).toEqual(
      [
        '@odata.context',
        'childFolderCount',
        'displayName',
        'id',
        'isHidden',
        'parentFolderId',
        'totalItemCount',
        'unreadItemCount',
      ].sort(),
    );
    const before = inbox.totalItemCount!;
    await deliver(sandbox, { to: [BOB] });
    const after = (await folders(`/users/${BOB}/mailFolders/${inbox.id}`).get()) as Folder;
    expect(after).toMatchObject({
      id: inbox.id,
      displayName: 'Inbox',
      totalItemCount: before + 1,
      unreadItemCount: inbox.unreadItemCount! + 1,
      childFolderCount: 1,
    });
  });

  it('lists child folders one level down, with the same hidden rule', async () => {
    const created = (await folders(`/users/${ALICE}/mailFolders/inbox/childFolders`).post({
      displayName: 'Quarantine review',
      isHidden: true,
    })) as Folder;
    expect(created).toMatchObject({ displayName: 'Quarantine review', isHidden: true, totalItemCount: 0 });
    const visible = (await folders(`/users/${ALICE}/mailFolders/inbox/childFolders`).get()) as Page<Folder>;
    expect(visible.value.map((f) => f.displayName)).toEqual(['Projects']);
    const all = (await folders(`/users/${ALICE}/mailFolders/inbox/childFolders`)
      .query({ includeHiddenFolders: 'true' })
      .get()) as Page<Folder>;
    expect(all.value.map((f) => f.displayName).sort()).toEqual(['Projects', 'Quarantine review']);
  });

  it('pages folders with $top and a next link', async () => {
    const first = (await folders().top(2).get()) as Page<Folder>;
    expect(first.value).toHaveLength(2);
    const all = await collectAll<Folder>(graph, first);
    const whole = (await folders().top(100).get()) as Page<Folder>;
    expect(all.map((f) => f.id)).toEqual(whole.value.map((f) => f.id));
  });
});

describe('well-known names and ids', () => {
  it('resolves well-known names case-insensitively, including recoverableitemsdeletions', async () => {
    const deletions = (await folders(
      `/users/${ALICE}/mailFolders/RecoverableItemsDeletions`,
    ).get()) as Folder;
    expect(deletions).toMatchObject({ displayName: 'Deletions', isHidden: true });
    const junk = (await folders(`/users/${ALICE}/mailFolders/junkemail`).get()) as Folder;
    expect(junk.displayName).toBe('Junk Email');
  });

  it('answers 400 ErrorInvalidIdMalformed for names that are not well-known, 404 for unknown ids', async () => {
    for (const name of ['Projects', 'recoverableitemspurges', 'recoverableitemsversions']) {
      const response = await graphFetch(sandbox, `/users/${ALICE}/mailFolders/${name}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' },
      });
    }
    await expect(folders(`/users/${ALICE}/mailFolders/AAMkAF${'C'.repeat(56)}=`).get()).rejects.toMatchObject(
      {
        statusCode: 404,
        code: 'ErrorItemNotFound',
      },
    );
  });
});

describe('creating', () => {
  it('creates a top-level folder that then lists and receives moves', async () => {
    const created = (await folders().post({ displayName: 'Retracted' })) as Folder;
    const root = (await folders(`/users/${ALICE}/mailFolders/msgfolderroot`).get()) as Folder;
    expect(created).toMatchObject({ displayName: 'Retracted', parentFolderId: root.id, isHidden: false });
    const listed = (await folders().filter("displayName eq 'Retracted'").get()) as Page<Folder>;
    expect(listed.value.map((f) => f.id)).toEqual([created.id]);
    const { copies } = await deliver(sandbox);
    await graphClient(sandbox, { immutableIds: true })
      .api(`/users/${ALICE}/messages/${copies[0]!.id}/move`)
      .post({ destinationId: created.id });
    expect(
      ((await folders(`/users/${ALICE}/mailFolders/${created.id}`).get()) as Folder).totalItemCount,
    ).toBe(1);
  });

  it('refuses a duplicate name under the same parent with 409 ErrorFolderExists', async () => {
    await expect(folders().post({ displayName: 'inbox' })).rejects.toMatchObject({
      statusCode: 409,
      code: 'ErrorFolderExists',
    });
  });
});
