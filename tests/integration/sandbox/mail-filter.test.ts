// Contract: $filter and $orderby on message lists (Exchange's InefficientFilter rule included), and
// which folders /messages and /mailFolders/{id}/messages reach.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import {
  ALICE,
  byInternetMessageId,
  deliver,
  literal,
  uniqueMessageId,
  type Message,
  type Page,
} from './mail-fixtures.js';

let sandbox: TestSandbox;
let graph: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox, { immutableIds: true });
});
afterAll(() => sandbox.close());

const messages = (path = `/users/${ALICE}/messages`) => graph.api(path);
const filtered = async (filter: string, path?: string) =>
  ((await messages(path).filter(filter).top(1000).get()) as Page<Message>).value;

describe('internetMessageId', () => {
  it('finds every copy in the mailbox when the value is URL-encoded', async () => {
    const internetMessageId = uniqueMessageId('report+copy');
    const first = await deliver(sandbox, { internetMessageId });
    await deliver(sandbox, { internetMessageId });
    await graph
      .api(`/users/${ALICE}/messages/${first.copies[0]!.id}/move`)
      .post({ destinationId: 'archive' });

    const hits = await filtered(byInternetMessageId(internetMessageId));
    expect(hits).toHaveLength(2);
    expect(new Set(hits.map((m) => m.parentFolderId)).size).toBe(2);
    expect(hits.every((m) => m.internetMessageId === internetMessageId)).toBe(true);
    // Unencoded, the '+' arrives as a space: nothing matches, as against real Graph.
    expect(await filtered(`internetMessageId eq '${internetMessageId}'`)).toEqual([]);
  });

  it("matches a quote escaped as '' literally, and refuses the raw value spliced in", async () => {
    const internetMessageId = uniqueMessageId("o'neil");
    await deliver(sandbox, { internetMessageId });
    expect(await filtered(byInternetMessageId(internetMessageId))).toHaveLength(1);

    const hostile = "x' or true or 'a";
    expect(await filtered(byInternetMessageId(hostile))).toEqual([]);
    await expect(
      messages()
        .filter(`internetMessageId eq '${encodeURIComponent(hostile)}'`)
        .get(),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('other filters', () => {
  it('filters by sender, subject, isRead, hasAttachments and a received window', async () => {
    const subject = `Invoice ${uniqueMessageId()}`;
    const { internetMessageId } = await deliver(sandbox, {
      from: 'billing@fabrikam.example',
      subject,
      receivedDateTime: '2020-03-04T05:06:07Z',
      attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0=' }],
    });
    const one = (filter: string) =>
      filtered(`${filter} and ${byInternetMessageId(internetMessageId)}`).then((v) => v.length);
    expect(await one(`from/emailAddress/address eq ${literal('Billing@Fabrikam.example')}`)).toBe(1);
    expect(await one(`sender/emailAddress/address eq ${literal('someone@else.example')}`)).toBe(0);
    expect(await one(`subject eq ${literal(subject)}`)).toBe(1);
    expect(await one('isRead eq false')).toBe(1);
    expect(await one('isRead eq true')).toBe(0);
    expect(await one('hasAttachments eq true')).toBe(1);
    expect(
      await one('receivedDateTime ge 2020-03-04T00:00:00Z and receivedDateTime lt 2020-03-05T00:00:00Z'),
    ).toBe(1);
    expect(await one('receivedDateTime gt 2020-03-04T05:06:07Z')).toBe(0);
    expect(await one('receivedDateTime le 2020-03-04T05:06:07Z')).toBe(1);
  });

  it('does not count inline images as attachments', async () => {
    const { copies } = await deliver(sandbox, {
      attachments: [
        { name: 'logo.png', contentType: 'image/png', contentBase64: 'iVBORw0K', isInline: true },
      ],
    });
    const message = (await graph.api(`/users/${ALICE}/messages/${copies[0]!.id}`).get()) as Message;
    expect(message.hasAttachments).toBe(false);
  });

  it.each([
    ["startswith(subject,'Invoice')", 'a function'],
    ["subject eq 'a' or subject eq 'b'", 'or'],
    ["internetMessageHeaders/any(h:h/name eq 'X-Test')", 'headers'],
    ["importance eq 'high'", 'an unsupported property'],
    ["receivedDateTime ge '2020-01-01'", 'a quoted date'],
    ["from/emailAddress/address ne 'a@b.c'", 'ne'],
  ])('refuses %s (%s) with 400', async (filter) => {
    await expect(messages().filter(filter).get()).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('$orderby with $filter', () => {
  const inefficient = {
    statusCode: 400,
    code: 'InefficientFilter',
    message: 'The restriction or sort order is too complex for this operation.',
  };

  it('accepts order properties that lead the filter in the same order', async () => {
    for (const receivedDateTime of ['2021-01-01T10:00:00Z', '2021-01-03T10:00:00Z', '2021-01-02T10:00:00Z'])
      await deliver(sandbox, { from: 'sorted@fabrikam.example', receivedDateTime });
    const value = (await messages()
      .filter(
        `receivedDateTime ge 2021-01-01T00:00:00Z and from/emailAddress/address eq ${literal('sorted@fabrikam.example')}`,
      )
      .orderby('receivedDateTime desc')
      .get()) as Page<Message>;
    expect(value.value.map((m) => m.receivedDateTime)).toEqual([
      '2021-01-03T10:00:00Z',
      '2021-01-02T10:00:00Z',
      '2021-01-01T10:00:00Z',
    ]);
    const ascending = (await messages()
      .filter(`from/emailAddress/address eq ${literal('sorted@fabrikam.example')}`)
      .orderby('from/emailAddress/address asc')
      .get()) as Page<Message>;
    expect(ascending.value).toHaveLength(3);
  });

  it('accepts $orderby alone', async () => {
    const { value } = (await messages().orderby('receivedDateTime asc').top(2).get()) as Page<Message>;
    expect(Date.parse(value[0]!.receivedDateTime!)).toBeLessThanOrEqual(
      Date.parse(value[1]!.receivedDateTime!),
    );
  });

  it('refuses an order property missing from the filter', async () => {
    await expect(
      messages()
        .filter(`from/emailAddress/address eq ${literal('sorted@fabrikam.example')}`)
        .orderby('receivedDateTime desc')
        .get(),
    ).rejects.toMatchObject(inefficient);
  });

  it('refuses an order property that is not first in the filter', async () => {
    await expect(
      messages()
        .filter(
          `from/emailAddress/address eq ${literal('sorted@fabrikam.example')} and receivedDateTime ge 2021-01-01T00:00:00Z`,
        )
        .orderby('receivedDateTime desc')
        .get(),
    ).rejects.toMatchObject(inefficient);
  });

  it('refuses order properties in another order than the filter', async () => {
    await expect(
      messages()
        .filter(`receivedDateTime ge 2021-01-01T00:00:00Z and subject eq 'x'`)
        .orderby('subject asc,receivedDateTime desc')
        .get(),
    ).rejects.toMatchObject(inefficient);
  });
});

describe('scope', () => {
  it('lists Deleted Items and hidden IPM folders under /messages, never Recoverable Items', async () => {
    const hidden = (
      (await graph.api(`/users/${ALICE}/mailFolders`).query({ includeHiddenFolders: 'true' }).get()) as Page<{
        id: string;
        isHidden: boolean;
      }>
    ).value.find((f) => f.isHidden)!;
    const placed: Record<string, string> = {};
    for (const destination of ['deleteditems', hidden.id, 'recoverableitemsdeletions']) {
      const { internetMessageId, copies } = await deliver(sandbox);
      await graph.api(`/users/${ALICE}/messages/${copies[0]!.id}/move`).post({ destinationId: destination });
      placed[destination] = internetMessageId;
    }
    expect(await filtered(byInternetMessageId(placed.deleteditems!))).toHaveLength(1);
    expect(await filtered(byInternetMessageId(placed[hidden.id]!))).toHaveLength(1);
    expect(await filtered(byInternetMessageId(placed.recoverableitemsdeletions!))).toEqual([]);
    // Deletions is listable by its well-known name.
    const deletions = await filtered(
      byInternetMessageId(placed.recoverableitemsdeletions!),
      `/users/${ALICE}/mailFolders/recoverableitemsdeletions/messages`,
    );
    expect(deletions).toHaveLength(1);
  });

  it('lists one folder only, by well-known name or id', async () => {
    const { internetMessageId } = await deliver(sandbox, { folder: 'junkemail' });
    expect(
      await filtered(
        byInternetMessageId(internetMessageId),
        `/users/${ALICE}/mailFolders/JunkEmail/messages`,
      ),
    ).toHaveLength(1);
    expect(
      await filtered(byInternetMessageId(internetMessageId), `/users/${ALICE}/mailFolders/inbox/messages`),
    ).toEqual([]);
  });

  it('cannot reach Purges or Versions: their names are not Graph folder names', async () => {
    for (const name of ['recoverableitemspurges', 'recoverableitemsversions']) {
      const response = await graphFetch(sandbox, `/users/${ALICE}/mailFolders/${name}/messages`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'ErrorInvalidIdMalformed' } });
    }
  });
});
