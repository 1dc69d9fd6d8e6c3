// Contract: sendMail — delivery inside the tenant, the Sent Items copy, attachments that keep their
// bytes (a report forwarded as .eml must arrive byte for byte), and its refusals.
import type { Client } from '@microsoft/microsoft-graph-client';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import {
  ALICE,
  BOB,
  byInternetMessageId,
  copiesOf,
  literal,
  withPermissions,
  type Message,
  type Page,
} from './mail-fixtures.js';

const REPORTS = 'phishing-reports@contoso.com';

let sandbox: TestSandbox;
let graph: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  graph = graphClient(sandbox, { immutableIds: true });
});
afterAll(() => sandbox.close());

const to = (...addresses: string[]) => addresses.map((address) => ({ emailAddress: { address } }));

async function findBySubject(mailbox: string, subject: string, folder = 'inbox'): Promise<Message[]> {
  const page = (await graph
    .api(`/users/${mailbox}/mailFolders/${folder}/messages`)
    .filter(`subject eq ${literal(subject)}`)
    .get()) as Page<Message>;
  return page.value;
}

describe('sendMail', () => {
  it('forwards a reported message as an .eml attachment that arrives byte for byte', async () => {
    // The reported message as Outlook hands it over: its own MIME, via /$value.
    const reported = (
      (await graph
        .api(`/users/${ALICE}/messages`)
        .filter("subject eq 'Action required: your password expires today'")
        .get()) as Page<Message>
    ).value[0]!;
    const mime = await graphFetch(sandbox, `/users/${ALICE}/messages/${reported.id}/$value`, {
      headers: { Prefer: 'IdType="ImmutableId"' },
    });
    const eml = Buffer.from(await mime.arrayBuffer());
    const subject = `Phishing report ${Date.now()}`;

    const response = await graphFetch(sandbox, `/users/${ALICE}/sendMail`, {
      method: 'POST',
      body: JSON.stringify({
        message: {
          subject,
          body: { contentType: 'Text', content: 'Reported by Alice.' },
          toRecipients: to(REPORTS),
          attachments: [
            {
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: 'reported.eml',
              contentType: 'message/rfc822',
              contentBytes: eml.toString('base64'),
            },
          ],
        },
        saveToSentItems: false,
      }),
    });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');

    const [delivered] = await findBySubject(REPORTS, subject);
    expect(delivered).toMatchObject({
      from: { emailAddress: { address: ALICE } },
      hasAttachments: true,
      body: { contentType: 'text', content: 'Reported by Alice.' },
    });
    const { value } = (await graph
      .api(`/users/${REPORTS}/messages/${delivered!.id}/attachments`)
      .get()) as Page<{
      name: string;
      contentBytes: string;
    }>;
    expect(value.map((a) => a.name)).toEqual(['reported.eml']);
    expect(Buffer.from(value[0]!.contentBytes, 'base64').equals(eml)).toBe(true);
    expect((await simpleParser(Buffer.from(value[0]!.contentBytes, 'base64'))).messageId).toBe(
      reported.internetMessageId,
    );
    expect(await findBySubject(ALICE, subject, 'sentitems')).toEqual([]);
  });

  it('keeps a Sent Items copy by default, expands lists and drops outside recipients', async () => {
    const subject = `Team note ${Date.now()}`;
    await graph.api(`/users/${BOB}/sendMail`).post({
      message: {
        subject,
        body: { contentType: 'HTML', content: '<p>Hello</p>' },
        toRecipients: to('sales@contoso.com', 'partner@fabrikam.example'),
        bccRecipients: to(ALICE),
        internetMessageHeaders: [{ name: 'X-Clawback-Notice', value: 'verdict' }],
      },
    });
    const [sent] = await findBySubject(BOB, subject, 'sentitems');
    expect(sent).toMatchObject({
      isRead: true,
      bccRecipients: [{ emailAddress: { name: 'Alice Smith', address: ALICE } }],
    });
    const [received] = await findBySubject(ALICE, subject);
    expect(received!.bccRecipients).toEqual([]);
    const headers = (await graph
      .api(`/users/${ALICE}/messages/${received!.id}`)
      .select('internetMessageHeaders')
      .get()) as Message;
    expect(headers.internetMessageHeaders).toContainEqual({ name: 'X-Clawback-Notice', value: 'verdict' });
    const copies = await copiesOf(sandbox, received!.internetMessageId!);
    // Alice (bcc, and in Sales), the rest of Sales, and Bob's Sent Items; nobody at fabrikam.
    expect(copies.filter((c) => c.mailbox === ALICE)).toHaveLength(1);
    expect(copies.filter((c) => c.folder === 'sentitems').map((c) => c.mailbox)).toEqual([BOB]);
    expect(copies.length).toBeGreaterThan(3);
    const all = (await graph
      .api(`/users/${BOB}/messages`)
      .filter(byInternetMessageId(received!.internetMessageId!))
      .get()) as Page<Message>;
    expect(all.value).toHaveLength(1);
  });

  it('refuses a message without recipients and custom headers without x-', async () => {
    await expect(
      graph.api(`/users/${ALICE}/sendMail`).post({ message: { subject: 'nobody', toRecipients: [] } }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'ErrorInvalidRecipients' });
    await expect(
      graph.api(`/users/${ALICE}/sendMail`).post({
        message: { toRecipients: to(BOB), internetMessageHeaders: [{ name: 'Subject', value: 'spoof' }] },
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidInternetMessageHeader' });
  });

  it('refuses item attachments as not implemented rather than dropping them', async () => {
    await expect(
      graph.api(`/users/${ALICE}/sendMail`).post({
        message: {
          toRecipients: to(BOB),
          attachments: [{ '@odata.type': '#microsoft.graph.itemAttachment', name: 'x' }],
        },
      }),
    ).rejects.toMatchObject({ statusCode: 501 });
  });

  it('needs Mail.Send', async () => {
    await withPermissions(sandbox, ['Mail.ReadWrite'], async () => {
      await expect(
        graphClient(sandbox)
          .api(`/users/${ALICE}/sendMail`)
          .post({ message: { toRecipients: to(BOB) } }),
      ).rejects.toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
    });
  });
});
