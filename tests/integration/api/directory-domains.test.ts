// Domain onboarding: the two-role rule for publishing (Privileged Role Administrator and Privileged
// Authentication Administrator together, or Global Administrator), only verified domains, only with
// both authorizations in place; and only published domains protected, as the DirectoryService
// tells retraction and reporting through MailboxRef.published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_TEMPLATE_IDS } from '@clawback/shared';
import type { TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import type { ControlUser } from '../../helpers/directory.js';
import { sandboxDirectory, startDirectoryApi, syncThroughQueue } from './directory-fixtures.js';

let sandbox: TestSandbox;
let api: TestApi;
let tenantId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: 30, mailPerUser: 0 });
  api = await startDirectoryApi(sandbox);
  tenantId = sandbox.tenantId;
  await api.app.directoryAdmin.runSync(tenantId);
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const publish = (user: string, domain: string, action: 'publish' | 'unpublish' = 'publish') =>
  api.as(user, { method: 'POST', url: `/api/v1/domains/${domain}/${action}` });

async function domain(name: string) {
  const response = await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/domains' });
  expect(response.statusCode).toBe(200);
  return response.json().items.find((d: { name: string }) => d.name === name);
}

describe('publishing', () => {
  it('lists verified domains, not yet published, once both authorizations are in place', async () => {
    const users = (await sandboxDirectory(sandbox)).users as (ControlUser & { mailboxType: string })[];
    const mailboxes = users.filter(
      (u) => u.mail?.endsWith('@contoso.com') && u.userType === 'Member' && u.mailboxType !== 'none',
    );
    expect(await domain('contoso.com')).toMatchObject({
      state: 'authorized',
      published: false,
      mailboxes: mailboxes.length,
    });
    expect(await domain('contoso.net')).toBeUndefined();
  });

  it('refuses each of the two roles alone, and audits the refusal', async () => {
    for (const user of ['authadmin@contoso.com', 'admin@contoso.com']) {
      const response = await publish(user, 'contoso.com');
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'role_required' });
    }
    const [denial] = await api.app.audit.list(tenantId, { action: 'access.denied' }, 1);
    expect(denial).toMatchObject({
      actorName: 'admin@contoso.com',
      details: expect.objectContaining({ capability: 'publishDomains' }),
    });
    expect((await domain('contoso.com')).published).toBe(false);
  });

  it('lets a holder of both roles publish, checked against the directory at that moment', async () => {
    await sandbox.control.post(`/roles/${ROLE_TEMPLATE_IDS.privilegedAuthenticationAdministrator}/members`, {
      user: 'admin2@contoso.com',
    });
    const response = await publish('admin2@contoso.com', 'northwindtraders.com');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'northwindtraders.com',
      published: true,
      publishedBy: 'admin2@contoso.com',
    });
  });

  it('lets a Global Administrator publish, audits it, and syncs the domain to the end', async () => {
    const response = await publish('ga@contoso.com', 'contoso.com');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ published: true, publishedBy: 'ga@contoso.com' });
    expect(['published', 'syncing']).toContain(response.json().state);
    const [event] = await api.app.audit.list(
      tenantId,
      { action: 'domain.published', targetId: 'contoso.com' },
      1,
    );
    expect(event).toMatchObject({ actorName: 'ga@contoso.com', outcome: 'success' });
    await syncThroughQueue(api);
    expect(await domain('contoso.com')).toMatchObject({ state: 'synced', published: true });
  });

  it('refuses unverified and unknown domains', async () => {
    const unverified = await publish('ga@contoso.com', 'contoso.net');
    expect(unverified.statusCode).toBe(409);
    expect(unverified.json()).toMatchObject({ code: 'conflict' });
    expect((await publish('ga@contoso.com', 'example.org')).statusCode).toBe(404);
    const bad = await publish('ga@contoso.com', 'not a domain');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to publish before both authorizations are granted', async () => {
    const app = await sandbox.control.get<{ permissions: string[] }>('/app');
    // Enough to read roles, not enough for directory scanning.
    await sandbox.control.put('/app', { permissions: ['User.Read.All', 'Mail.ReadWrite'] });
    try {
      const response = await publish('ga@contoso.com', 'contoso.onmicrosoft.com');
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'consent_required' });
      expect((await domain('contoso.onmicrosoft.com')).state).toBe('discovered');
    } finally {
      await sandbox.control.put('/app', { permissions: app.permissions });
      // An admin looking at the authorizations again sees (and Clawback notes) the restored grant.
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/directory/authorizations' });
    }
  });
});

describe('protection follows publication', () => {
  it('marks mailboxes in published domains only, for retraction and reporting to refuse the rest', async () => {
    const directory = api.app.directory;
    expect(await directory.publishedDomains(tenantId)).toEqual(['contoso.com', 'northwindtraders.com']);
    expect(await directory.findMailbox(tenantId, 'alice@contoso.com')).toMatchObject({ published: true });
    await publish('ga@contoso.com', 'northwindtraders.com', 'unpublish');
    const outside = await directory.findMailbox(tenantId, 'user0025@northwindtraders.com');
    expect(outside).toMatchObject({ domain: 'northwindtraders.com', published: false });
    const team = await directory.expandAddresses(tenantId, ['all-staff@contoso.com']);
    expect(team.find((ref) => ref.domain === 'northwindtraders.com')).toMatchObject({ published: false });
    expect(team.filter((ref) => ref.domain === 'contoso.com').every((ref) => ref.published)).toBe(true);

    const pages = [];
    for await (const page of directory.publishedMailboxes(tenantId, 7)) pages.push(page);
    const all = pages.flat();
    expect(all.length).toBe((await domain('contoso.com')).mailboxes);
    expect(all.every((ref) => ref.domain === 'contoso.com' && ref.published && ref.kind !== 'none')).toBe(
      true,
    );
    expect(new Set(all.map((ref) => ref.id)).size).toBe(all.length);
  });

  it('unpublishes with the same two-role rule, audited', async () => {
    expect((await publish('admin@contoso.com', 'contoso.com', 'unpublish')).statusCode).toBe(403);
    const response = await publish('ga@contoso.com', 'contoso.com', 'unpublish');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ published: false, state: 'authorized' });
    expect(await api.app.directory.findMailbox(tenantId, 'alice@contoso.com')).toMatchObject({
      published: false,
    });
    const [event] = await api.app.audit.list(tenantId, { action: 'domain.unpublished' }, 1);
    expect(event).toMatchObject({ actorName: 'ga@contoso.com', targetId: 'contoso.com' });
  });
});
