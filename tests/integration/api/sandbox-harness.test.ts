// Sandbox-mode routes the harness and sign-in picker use; production never has them.
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

describe('sandbox harness routes', () => {
  it('list the demo people with their roles', async () => {
    const users = (await api.app.inject({ method: 'GET', url: '/api/v1/sandbox/users' })).json();
    expect(users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ upn: 'admin@contoso.com', roles: ['Privileged Role Administrator'] }),
      ]),
    );
  });

  it('give a demo user a token the API accepts', async () => {
    const { accessToken } = (
      await api.app.inject({
        method: 'POST',
        url: '/api/v1/sandbox/token',
        payload: { user: 'alice@contoso.com' },
      })
    ).json();
    const me = await api.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.json()).toMatchObject({ upn: 'alice@contoso.com', capabilities: ['report'] });
  });

  it("show a mailbox's messages and a message's MIME", async () => {
    const messages = (
      await api.app.inject({ method: 'GET', url: '/api/v1/sandbox/mailboxes/alice@contoso.com/messages' })
    ).json();
    const phish = messages.find((m: { subject: string }) => m.subject.startsWith('Action required'));
    expect(phish).toMatchObject({ folder: 'inbox', from: { address: 'it-support@c0ntoso.com' } });
    const mime = (
      await api.app.inject({
        method: 'GET',
        url: `/api/v1/sandbox/mailboxes/alice@contoso.com/messages/${encodeURIComponent(phish.id)}/mime`,
      })
    ).json();
    expect(Buffer.from(mime.base64, 'base64').toString('utf8')).toContain(phish.internetMessageId);
  });

  it('are absent in production', async () => {
    const production = await startTestApi(sandbox, { mode: 'production', sandboxUrl: null });
    try {
      expect((await production.app.inject({ method: 'GET', url: '/api/v1/sandbox/users' })).statusCode).toBe(
        404,
      );
    } finally {
      await production.close();
    }
  });
});
