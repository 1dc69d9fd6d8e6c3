// Contract: message content — the MIME from /$value, attachments with their bytes, and what an app
// holding only Mail.ReadBasic.All may (not) read.
import { randomBytes } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch, graphToken } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { ALICE, deliver, withPermissions, type Message, type Page } from './mail-fixtures.js';

let sandbox: TestSandbox;
let graph: Client;

const pdf = randomBytes(3000);
const eml = Buffer.from(
  'From: x@evil.example\r\nTo: alice@contoso.com\r\nSubject: inner\r\nMessage-ID: <inner@evil.example>\r\n\r\nbody\r\n',
);
const logo = randomBytes(64);

let fixture: { internetMessageId: string; id: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox, { immutableIds: true });
  const { internetMessageId, copies } = await deliver(sandbox, {
    subject: 'Quarterly invoice – überfällig',
    body: '<html><body><p>See <img src="cid:logo"> the attached invoice.</p></body></html>',
    headers: [{ name: 'X-Campaign', value: 'contract-test' }],
    attachments: [
      { name: 'invoice.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
      { name: 'original.eml', contentType: 'message/rfc822', contentBase64: eml.toString('base64') },
      { name: 'logo.png', contentType: 'image/png', contentBase64: logo.toString('base64'), isInline: true },
    ],
  });
  fixture = { internetMessageId, id: copies[0]!.id };
});
afterAll(() => sandbox.close());

const item = (suffix = '') => `/users/${ALICE}/messages/${fixture.id}${suffix}`;

describe('$value', () => {
  it('is RFC 5322 MIME with the same Message-ID, subject, headers and attachment bytes', async () => {
    const response = await graphFetch(sandbox, item('/$value'), {
      headers: { Prefer: 'IdType="ImmutableId"' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const raw = Buffer.from(await response.arrayBuffer());
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(fixture.internetMessageId);
    expect(parsed.subject).toBe('Quarterly invoice – überfällig');
    expect(parsed.from?.value[0]?.address).toBe('it-support@c0ntoso.com');
    expect(parsed.headers.get('x-campaign')).toBe('contract-test');
    expect(String(parsed.headers.get('authentication-results'))).toContain('spf=pass');
    expect(raw.toString('latin1').indexOf('Received:')).toBe(0);
    expect(parsed.html).toContain('the attached invoice');
    const byName = new Map(parsed.attachments.map((a) => [a.filename, a]));
    expect(byName.get('invoice.pdf')?.content.equals(pdf)).toBe(true);
    expect(byName.get('original.eml')?.content.equals(eml)).toBe(true);
    expect(byName.get('logo.png')?.content.equals(logo)).toBe(true);
  });

  it('is served for the raw SDK call as a stream of bytes', async () => {
    const stream = (await graph.api(item('/$value')).getStream()) as AsyncIterable<Buffer>;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    expect((await simpleParser(Buffer.concat(chunks))).messageId).toBe(fixture.internetMessageId);
  });
});

describe('attachments', () => {
  it('lists fileAttachments whose contentBytes round-trip, inline ones flagged', async () => {
    const { value } = (await graph.api(item('/attachments')).get()) as Page<Record<string, unknown>>;
    expect(value).toHaveLength(3);
    const pdfAttachment = value.find((a) => a.name === 'invoice.pdf')!;
    expect(pdfAttachment).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      contentType: 'application/pdf',
      size: pdf.length,
      isInline: false,
      contentId: null,
    });
    expect(Buffer.from(pdfAttachment.contentBytes as string, 'base64').equals(pdf)).toBe(true);
    const inline = value.find((a) => a.name === 'logo.png')!;
    expect(inline).toMatchObject({ isInline: true, contentId: expect.any(String) });
    const message = (await graph.api(item()).get()) as Message;
    expect(message.hasAttachments).toBe(true);
  });

  it('serves one attachment and its raw bytes', async () => {
    const { value } = (await graph.api(item('/attachments')).select('name').get()) as Page<{
      id: string;
      name: string;
    }>;
    expect(value[0]).not.toHaveProperty('contentBytes');
    const eml1 = value.find((a) => a.name === 'original.eml')!;
    const one = (await graph.api(item(`/attachments/${eml1.id}`)).get()) as { contentBytes: string };
    expect(Buffer.from(one.contentBytes, 'base64').equals(eml)).toBe(true);
    const raw = await graphFetch(sandbox, item(`/attachments/${eml1.id}/$value`));
    expect(Buffer.from(await raw.arrayBuffer()).equals(eml)).toBe(true);
  });

  it('answers 404 for an unknown attachment and 400 for a malformed id', async () => {
    await expect(graph.api(item(`/attachments/AAMkAA${'B'.repeat(56)}=`)).get()).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(graph.api(item('/attachments/invoice.pdf')).get()).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});

describe('Mail.ReadBasic.All', () => {
  it('lists and reads messages without body, preview, headers, attachments or MIME', async () => {
    await withPermissions(sandbox, ['Mail.ReadBasic.All'], async () => {
      const token = await graphToken(sandbox);
      const basic = graphClient(sandbox, { immutableIds: true });
      const { value } = (await basic.api(`/users/${ALICE}/messages`).top(5).get()) as Page<Message>;
      expect(value.length).toBe(5);
      for (const message of value) {
        expect(message).toHaveProperty('subject');
        expect(message).not.toHaveProperty('body');
        expect(message).not.toHaveProperty('bodyPreview');
      }
      const one = (await basic.api(item()).get()) as Message;
      expect(one.internetMessageId).toBe(fixture.internetMessageId);
      expect(one).not.toHaveProperty('body');
      for (const select of ['body', 'uniqueBody', 'bodyPreview', 'internetMessageHeaders'])
        await expect(basic.api(item()).select(select).get()).rejects.toMatchObject({
          statusCode: 403,
          code: 'ErrorAccessDenied',
        });
      for (const suffix of ['/$value', '/attachments']) {
        const response = await graphFetch(sandbox, item(suffix), { token });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: 'ErrorAccessDenied' } });
      }
    });
  });
});
