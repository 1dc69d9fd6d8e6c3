// Contract: listing messages through the real Graph SDK — paging, $select, ids, what /messages
// covers, and how unknown mailboxes and ids fail.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import {
  ALICE,
  BOB,
  byInternetMessageId,
  collectAll,
  deliver,
  type Message,
  type Page,
} from './mail-fixtures.js';

let sandbox: TestSandbox;
let graph: Client;
let stable: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox);
  stable = graphClient(sandbox, { immutableIds: true });
});
afterAll(() => sandbox.close());

const list = (client: Client, path = `/users/${ALICE}/messages`) => client.api(path);

describe('paging', () => {
  it('pages the whole mailbox with $top=3 exactly as one $top=1000 call returns it', async () => {
    const whole = (await list(graph).top(1000).select('subject').get()) as Page<Message>;
    expect(whole['@odata.nextLink']).toBeUndefined();
    expect(whole.value.length).toBeGreaterThan(20);

    const sizes: number[] = [];
    const paged = await collectAll<Message>(
      graph,
      await list(graph).top(3).select('subject').get(),
      (page) => void sizes.push(page.value.length),
    );
    expect(sizes.slice(0, -1).every((n) => n === 3)).toBe(true);
    expect(paged.map((m) => m.id)).toEqual(whole.value.map((m) => m.id));
    expect(new Set(paged.map((m) => m.id)).size).toBe(paged.length);
  });

  it('never repeats or loses an item when mail arrives and moves between pages', async () => {
    const before = (await list(stable).top(1000).select('subject').get()) as Page<Message>;
    let turn = 0;
    const paged = await collectAll<Message>(stable, await list(stable).top(4).get(), async (page) => {
      turn += 1;
      if (turn !== 2) return;
      // Newest-first lists shift under offset paging when a new message arrives: this one sorts
      // before the cursor and must not push an already served item onto the next page.
      await deliver(sandbox, { subject: 'Arrived while paging' });
      const unseen = before.value[before.value.length - 1]!;
      await stable.api(`/users/${ALICE}/messages/${unseen.id}/move`).post({ destinationId: 'archive' });
      expect(page.value.length).toBe(4);
    });
    const ids = paged.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(before.value.map((m) => m.id!)));
    expect(paged.some((m) => m.subject === 'Arrived while paging')).toBe(false);
  });

  it('answers 10 items by default with an opaque next link and Graph content type', async () => {
    const response = await graphFetch(sandbox, `/users/${ALICE}/messages`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    );
    const body = (await response.json()) as Page<Message>;
    expect(body.value).toHaveLength(10);
    expect(body['@odata.context']).toBe(
      `${sandbox.graphBaseUrl}/$metadata#users('${encodeURIComponent(ALICE)}')/messages`,
    );
    const next = new URL(body['@odata.nextLink']!);
    expect(next.searchParams.has('$skiptoken')).toBe(true);
    expect(next.searchParams.has('$skip')).toBe(false);
  });

  it('refuses $top outside 1..1000 and answers 501 to $search', async () => {
    for (const top of ['0', '1001', 'ten']) {
      const response = await graphFetch(sandbox, `/users/${ALICE}/messages?$top=${top}`);
      expect(response.status).toBe(400);
    }
    await expect(list(graph).search('"password"').get()).rejects.toMatchObject({ statusCode: 501 });
  });
});

describe('shape', () => {
  it('serializes the message resource with Graph property names and types', async () => {
    const { value } = (await list(graph).top(1).get()) as Page<Message>;
    const message = value[0]!;
    expect(Object.keys(message)).toEqual(
      expect.arrayContaining([
        '@odata.etag',
        'id',
        'createdDateTime',
        'lastModifiedDateTime',
        'changeKey',
        'categories',
        'receivedDateTime',
        'sentDateTime',
        'hasAttachments',
        'internetMessageId',
        'subject',
        'bodyPreview',
        'importance',
        'parentFolderId',
        'conversationId',
        'isDeliveryReceiptRequested',
        'isReadReceiptRequested',
        'isRead',
        'isDraft',
        'webLink',
        'inferenceClassification',
        'body',
        'sender',
        'from',
        'toRecipients',
        'ccRecipients',
        'bccRecipients',
        'replyTo',
        'flag',
      ]),
    );
    expect(message).not.toHaveProperty('internetMessageHeaders');
    expect(message).not.toHaveProperty('uniqueBody');
    expect(message['@odata.etag']).toBe(`W/"${message.changeKey}"`);
    expect(message.receivedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(message.from).toEqual({ emailAddress: { name: expect.any(String), address: expect.any(String) } });
  });

  it('returns internetMessageHeaders only when selected', async () => {
    const { internetMessageId, copies } = await deliver(sandbox);
    const plain = (await graph.api(`/users/${ALICE}/messages/${copies[0]!.id}`).get()) as Message;
    expect(plain).not.toHaveProperty('internetMessageHeaders');
    const selected = (await graph
      .api(`/users/${ALICE}/messages/${copies[0]!.id}`)
      .select('subject,internetMessageHeaders')
      .get()) as Message;
    expect(Object.keys(selected).sort()).toEqual(
      ['@odata.context', '@odata.etag', 'id', 'internetMessageHeaders', 'subject'].sort(),
    );
    expect(selected.internetMessageHeaders).toContainEqual({ name: 'Message-ID', value: internetMessageId });
    const listed = (await list(graph)
      .filter(byInternetMessageId(internetMessageId))
      .select('internetMessageHeaders')
      .get()) as Page<Message>;
    expect(listed['@odata.context']).toMatch(/\/messages\(internetMessageHeaders\)$/);
    expect(listed.value[0]!.internetMessageHeaders!.length).toBeGreaterThan(3);
  });

  it('refuses an unknown $select property', async () => {
    await expect(list(graph).select('subject,notAProperty').get()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('converts the HTML body to text when the request prefers text', async () => {
    const { copies } = await deliver(sandbox, {
      body: '<html><body><p>Hello <b>Alice</b> &amp; team</p><p>Second line</p></body></html>',
    });
    const path = `/users/${ALICE}/messages/${copies[0]!.id}`;
    const html = (await graph.api(path).get()) as Message;
    expect(html.body).toMatchObject({
      contentType: 'html',
      content: expect.stringContaining('<b>Alice</b>'),
    });
    expect(html.bodyPreview).toBe('Hello Alice & team Second line');
    const text = (await graph
      .api(path)
      .header('Prefer', 'outlook.body-content-type="text"')
      .get()) as Message;
    expect(text.body).toEqual({ contentType: 'text', content: 'Hello Alice & team\r\nSecond line' });
  });

  it('serializes meeting messages as eventMessage with meetingMessageType', async () => {
    const mailboxes = [
      'alice',
      'bob',
      'admin',
      'admin2',
      'authadmin',
      'ga',
      'secops',
      'secadmin',
      'reader',
    ].map((alias) => `${alias}@contoso.com`);
    for (let i = 1; i <= 20; i += 1) mailboxes.push(`user${String(i).padStart(4, '0')}@contoso.com`);
    let meeting: Message | undefined;
    for (const mailbox of mailboxes) {
      const response = await graphFetch(sandbox, `/users/${mailbox}/messages?$top=1000`);
      if (response.status !== 200) continue;
      const { value } = (await response.json()) as Page<Message & { meetingMessageType?: string }>;
      meeting = value.find((m) => m['@odata.type']);
      if (meeting) break;
    }
    expect(meeting).toBeDefined();
    expect(['#microsoft.graph.eventMessageRequest', '#microsoft.graph.eventMessage']).toContain(
      meeting!['@odata.type'],
    );
    expect(meeting).toHaveProperty('meetingMessageType');
  });
});

describe('ids', () => {
  it('answers immutable ids when asked and accepts either kind of id', async () => {
    const { copies } = await deliver(sandbox);
    const immutableId = copies[0]!.id;
    const viaRest = (await graph.api(`/users/${ALICE}/messages/${immutableId}`).get()) as Message;
    expect(viaRest.id).not.toBe(immutableId);
    const viaImmutable = (await stable.api(`/users/${ALICE}/messages/${viaRest.id}`).get()) as Message;
    expect(viaImmutable.id).toBe(immutableId);
  });

  it('tells a malformed id (400) from an unknown one (404)', async () => {
    await expect(graph.api(`/users/${ALICE}/messages/not-an-id!`).get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidIdMalformed',
      message: 'Id is malformed.',
    });
    await expect(graph.api(`/users/${ALICE}/messages/AAMkAG${'A'.repeat(56)}=`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
      message: 'The specified object was not found in the store.',
    });
  });

  it("does not find another mailbox's message", async () => {
    const { copies } = await deliver(sandbox, { to: [BOB] });
    await expect(graph.api(`/users/${ALICE}/messages/${copies[0]!.id}`).get()).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe('mailboxes', () => {
  it('answers 404 ErrorInvalidUser for an unknown mailbox', async () => {
    await expect(graph.api('/users/nobody@contoso.com/messages').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorInvalidUser',
    });
  });

  it('answers 404 MailboxNotEnabledForRESTAPI for an unlicensed user', async () => {
    await expect(graph.api('/users/former.employee@contoso.com/messages').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'MailboxNotEnabledForRESTAPI',
    });
  });
});
