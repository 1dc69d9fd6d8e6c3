// Bad input never reaches Graph or the store: malformed ids, oversized comments and EML, unknown
// categories and extra fields are 400 problems naming the field; bodies past the limit are 413.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER_REPORTED_SETTINGS, REPORT_LIMITS } from '@clawback/shared';
import type { TestApi } from '../../helpers/api.js';
import { report, startReportsApi } from '../../helpers/reports.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startReportsApi(sandbox);
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const VALID_ID = `AAMkAG${'x'.repeat(56)}=`;

async function expectField(response: { statusCode: number; json(): unknown }, path: string, text?: RegExp) {
  expect(response.statusCode).toBe(400);
  const body = response.json() as { code: string; errors: { path: string; message: string }[] };
  expect(body.code).toBe('validation_failed');
  const error = body.errors.find((e) => e.path === path);
  expect(error, JSON.stringify(body.errors)).toBeDefined();
  if (text) expect(error!.message).toMatch(text);
}

describe('POST /reports input', () => {
  it('refuses item ids that are not REST ids', async () => {
    for (const itemId of [
      'AAMkAG/with+slash==',
      'short',
      'x'.repeat(REPORT_LIMITS.itemIdChars + 1),
      "AAMkAG'); drop",
    ])
      await expectField(await report(api, 'alice@contoso.com', { itemId }), 'body.itemId');
    await expectField(await report(api, 'alice@contoso.com', { itemId: 42 as never }), 'body.itemId');
    await expectField(
      await report(api, 'alice@contoso.com', { itemId: VALID_ID, internetMessageId: "x' or 1 eq 1" }),
      'body.internetMessageId',
    );
  });

  it('refuses an unknown category, an oversized comment and too many options', async () => {
    await expectField(
      await report(api, 'alice@contoso.com', { itemId: VALID_ID, category: 'spam' as never }),
      'body.category',
    );
    await expectField(
      await report(api, 'alice@contoso.com', {
        itemId: VALID_ID,
        comment: 'x'.repeat(REPORT_LIMITS.commentChars + 1),
      }),
      'body.comment',
    );
    await expectField(
      await report(api, 'alice@contoso.com', { itemId: VALID_ID, options: ['a', 'b', 'c', 'd', 'e', 'f'] }),
      'body.options',
    );
  });

  it('names an extra field', async () => {
    const response = await report(api, 'alice@contoso.com', { itemId: VALID_ID, mailbox: 'bob@contoso.com' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain('mailbox');
  });

  it('is described in the OpenAPI document', async () => {
    const response = await api.as(null, { method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      '/api/v1/reports',
      '/api/v1/reports/{id}/verdict',
      '/api/v1/campaigns/{id}',
      '/api/v1/settings/user-reported',
    ])
      expect(paths).toContain(path);
  });

  it('refuses EML that is not base64 or is larger than the limit, and bodies past the route limit', async () => {
    await expectField(
      await report(api, 'alice@contoso.com', { itemId: VALID_ID, eml: 'not base64!' }),
      'body.eml',
    );
    const oversized = 'A'.repeat(Math.ceil(REPORT_LIMITS.emlBytes / 3) * 4 + 4);
    await expectField(
      await report(api, 'alice@contoso.com', { itemId: VALID_ID, eml: oversized }),
      'body.eml',
      /bytes/,
    );
    const huge = await report(api, 'alice@contoso.com', {
      itemId: VALID_ID,
      eml: oversized + 'A'.repeat(1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('takes reports from people only, not from apps', async () => {
    const response = await api.asAutomation({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { itemId: VALID_ID, category: 'phishing' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('lists, ids and triage input', () => {
  it('refuses bad paging, sorting and filters, naming the parameter', async () => {
    const get = (url: string) => api.as('reader@contoso.com', { method: 'GET', url });
    await expectField(await get('/api/v1/reports?limit=0'), 'querystring.limit');
    await expectField(await get('/api/v1/reports?sort=subject'), 'querystring.sort');
    await expectField(await get('/api/v1/reports?cursor=%27%3Bdrop'), 'querystring.cursor');
    await expectField(await get('/api/v1/reports?cursor=bm90LWEtY3Vyc29y'), 'querystring.cursor');
    await expectField(await get('/api/v1/reports?disposition=BAD'), 'querystring.disposition');
    await expectField(await get('/api/v1/campaigns?sort=subject'), 'querystring.sort');
    const unknown = await get('/api/v1/reports?tenantId=x');
    expect(unknown.statusCode).toBe(400);
    await expectField(await get('/api/v1/reports/not-a-guid'), 'params.id');
  });

  it('refuses empty and unknown triage changes and empty notes', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const patch = (payload: unknown) =>
      api.as('secops@contoso.com', {
        method: 'PATCH',
        url: `/api/v1/reports/${id}`,
        payload: payload as object,
      });
    expect((await patch({})).statusCode).toBe(400);
    await expectField(await patch({ status: 'done' }), 'body.status');
    await expectField(await patch({ assignee: 'not an address' }), 'body.assignee');
    const note = await api.as('secops@contoso.com', {
      method: 'POST',
      url: `/api/v1/campaigns/${id}/notes`,
      payload: { text: '   ' },
    });
    await expectField(note, 'body.text');
  });
});

describe('user-reported settings input', () => {
  const put = (payload: unknown, user = 'admin@contoso.com') =>
    api.as(user, { method: 'PUT', url: '/api/v1/settings/user-reported', payload: payload as object });

  it('refuses unknown placeholders, a missing reporting mailbox and one that does not exist', async () => {
    const settings = structuredClone(DEFAULT_USER_REPORTED_SETTINGS);
    settings.notifications.onReceipt.subject = 'Hi {{password}}';
    await expectField(await put(settings), 'body.notifications.onReceipt.subject', /password/);
    await expectField(
      await put({ ...DEFAULT_USER_REPORTED_SETTINGS, forward: { enabled: true, from: 'reporter' } }),
      'body.reportingMailbox',
    );
    await expectField(
      await put({ ...DEFAULT_USER_REPORTED_SETTINGS, reportingMailbox: 'nobody@contoso.com' }),
      'body.reportingMailbox',
    );
    await expectField(
      await put({
        ...DEFAULT_USER_REPORTED_SETTINGS,
        threshold: { enabled: true, reporters: 1, disposition: 'SPAM' },
      }),
      'body.threshold.reporters',
    );
  });

  it('lets only policy editors change settings, and audits the change', async () => {
    const refused = await put(DEFAULT_USER_REPORTED_SETTINGS, 'secops@contoso.com');
    expect(refused.statusCode).toBe(403);
    const saved = await put({ ...DEFAULT_USER_REPORTED_SETTINGS, allowGuests: true });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ settings: { allowGuests: true }, updatedBy: 'admin@contoso.com' });
    const audit = (
      await api.as('reader@contoso.com', {
        method: 'GET',
        url: '/api/v1/audit?action=settings.userReported.changed',
      })
    ).json();
    expect(audit.items[0]).toMatchObject({
      actorName: 'admin@contoso.com',
      details: { changed: ['allowGuests'] },
    });
  });
});
