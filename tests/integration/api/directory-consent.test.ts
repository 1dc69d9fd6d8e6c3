// Authorizations end to end: state per function read from fresh tokens, the admin-consent URL,
// the sandbox's consent page (which grants only for a Privileged Role Administrator or Global
// Administrator), and the callback that validates the single-use state, records who consented and
// when, audits it and sends the browser back to the admin console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { PUBLIC_URL, startDirectoryApi } from './directory-fixtures.js';

let sandbox: TestSandbox;
let api: TestApi;
let granted: string[];
let collectionApp: { clientId: string; clientSecret: string };

beforeAll(async () => {
  sandbox = await startTestSandbox({ mailPerUser: 0 });
  const registration = await sandbox.control.get<{
    permissions: string[];
    automation: { clientId: string; clientSecret: string };
  }>('/app');
  granted = registration.permissions;
  // Collection runs as an app of its own (the sandbox's second registration, which holds no Graph
  // permission); the cron schedule is on this time (the other directory tests sync when they say).
  collectionApp = registration.automation;
  api = await startDirectoryApi(sandbox, {
    directorySyncCron: '*/15 * * * *',
    functionApps: { collection: collectionApp },
  });
  // Roles are read from Graph with Clawback's own grant, cached five minutes: read them while the
  // grant is there, then take every permission away, as on a tenant that has consented nothing yet.
  for (const user of ['reader@contoso.com', 'ga@contoso.com', 'admin@contoso.com'])
    expect((await api.as(user, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  await sandbox.control.put('/app', { permissions: [] });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

interface Authorization {
  function: string;
  clientId: string;
  state: string;
  granted: string[];
  consentedBy: string | null;
  consentedAt: string | null;
  lastError: string | null;
  missing: { permission: string }[];
}

async function authorizations(): Promise<Record<string, Authorization>> {
  const response = await api.as('reader@contoso.com', {
    method: 'GET',
    url: '/api/v1/directory/authorizations',
  });
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(response.json().items.map((a: Authorization) => [a.function, a]));
}

async function start(user: string, fn: string): Promise<URL> {
  const response = await api.as(user, {
    method: 'POST',
    url: `/api/v1/directory/authorizations/${fn}/start`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return new URL(response.json().url);
}

/** The admin at the sandbox's consent page; answers where Entra sends the browser back. */
async function consentAs(url: URL, loginHint: string): Promise<URL> {
  url.searchParams.set('login_hint', loginHint);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

const callback = (back: URL) => api.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });

it('schedules the directory sync by cron', async () => {
  const schedules = await api.app.queue.boss.getSchedules();
  expect(schedules).toContainEqual(
    expect.objectContaining({
      name: 'directory.sync',
      cron: '*/15 * * * *',
      data: expect.objectContaining({ reason: 'schedule' }),
    }),
  );
});

describe('authorizations', () => {
  it('shows every function not authorized before any consent', async () => {
    const states = await authorizations();
    expect(Object.keys(states).sort()).toEqual(['collection', 'directory', 'retraction']);
    for (const state of Object.values(states))
      expect(state).toMatchObject({ state: 'notAuthorized', granted: [] });
  });

  it("gives the tenant's admin-consent URL, to the right role per function", async () => {
    const url = await start('ga@contoso.com', 'directory');
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.authority}/adminconsent`);
    expect(url.searchParams.get('client_id')).toBe(sandbox.clientId);
    expect((await start('ga@contoso.com', 'collection')).searchParams.get('client_id')).toBe(
      collectionApp.clientId,
    );
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/v1/directory/consent/callback`);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Directory scanning takes both directory-integration roles; mail access, the retraction admin's.
    const refused = await api.as('admin@contoso.com', {
      method: 'POST',
      url: '/api/v1/directory/authorizations/directory/start',
    });
    expect(refused.statusCode).toBe(403);
    await start('admin@contoso.com', 'retraction');
    const unknown = await api.as('ga@contoso.com', {
      method: 'POST',
      url: '/api/v1/directory/authorizations/mail/start',
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('records a refusal when the one signing in may not consent', async () => {
    const back = await consentAs(await start('ga@contoso.com', 'directory'), 'alice@contoso.com');
    expect(`${back.origin}${back.pathname}`).toBe(`${PUBLIC_URL}/api/v1/directory/consent/callback`);
    expect(back.searchParams.get('error')).toBe('access_denied');
    const response = await callback(back);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/admin.html?authorization=directory&result=denied');
    const directory = (await authorizations()).directory!;
    expect(directory).toMatchObject({ state: 'notAuthorized' });
    expect(directory.lastError).toMatch(/access_denied/);
    const [event] = await api.app.audit.list(
      sandbox.tenantId,
      { action: 'directory.authorization.denied' },
      1,
    );
    expect(event).toMatchObject({
      actorName: 'ga@contoso.com',
      outcome: 'denied',
      targetId: 'directory',
      details: expect.objectContaining({ error: 'access_denied' }),
    });
    // The state was used up.
    expect((await callback(back)).statusCode).toBe(400);
  });

  it('grants on an admin consent, recording who and when, with the permissions in a fresh token', async () => {
    const before = Date.now();
    const back = await consentAs(await start('ga@contoso.com', 'directory'), 'admin@contoso.com');
    expect(back.searchParams.get('admin_consent')).toBe('True');
    const response = await callback(back);
    expect(response.headers.location).toBe('/admin.html?authorization=directory&result=granted');
    const states = await authorizations();
    expect(states.directory).toMatchObject({
      state: 'authorized',
      consentedBy: 'ga@contoso.com',
      lastError: null,
    });
    expect(Date.parse(states.directory!.consentedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(states.directory!.granted).toEqual(
      expect.arrayContaining(['User.Read.All', 'GroupMember.Read.All']),
    );
    expect(states.directory!.granted.sort()).toEqual([...granted].sort());
    // Retraction runs as the same app: the same grant covers mail access too. Collection runs as
    // its own app, which this consent did not touch.
    expect(states.retraction).toMatchObject({ state: 'authorized' });
    expect(states.collection).toMatchObject({
      state: 'notAuthorized',
      clientId: collectionApp.clientId,
      granted: [],
    });
    const [event] = await api.app.audit.list(
      sandbox.tenantId,
      { action: 'directory.authorization.granted' },
      1,
    );
    expect(event).toMatchObject({ actorName: 'ga@contoso.com', outcome: 'success', targetId: 'directory' });
  });

  it('shows missing permissions when a grant is partial', async () => {
    await sandbox.control.put('/app', { permissions: ['User.Read.All', 'Mail.ReadWrite'] });
    const states = await authorizations();
    expect(states.directory).toMatchObject({
      state: 'missingPermissions',
      granted: ['Mail.ReadWrite', 'User.Read.All'],
    });
    expect(states.directory!.missing.map((m) => m.permission)).toEqual(
      expect.arrayContaining(['Group.Read.All', 'Directory.Read.All']),
    );
    await sandbox.control.put('/app', { permissions: granted });
  });

  it('refuses forged and expired states, audited', async () => {
    const forged = await api.app.inject({
      method: 'GET',
      url: '/api/v1/directory/consent/callback?state=forged&admin_consent=True&tenant=x',
    });
    expect(forged.statusCode).toBe(400);
    const back = await consentAs(await start('ga@contoso.com', 'collection'), 'admin@contoso.com');
    await api.app.database.db.execute(
      sql`update directory_consent_states set expires_at = now() - interval '1 minute' where used_at is null`,
    );
    expect((await callback(back)).statusCode).toBe(400);
    const events = await api.app.audit.list(
      sandbox.tenantId,
      { action: 'directory.authorization.invalidState' },
      5,
    );
    expect(events.length).toBeGreaterThanOrEqual(2);
    const extra = await api.app.inject({
      method: 'GET',
      url: '/api/v1/directory/consent/callback?state=x&surprise=1',
    });
    expect(extra.statusCode).toBe(400);
  });
});
