// Contract: the tenant's domains and organization, the application permissions each directory
// endpoint demands (403 Authorization_RequestDenied without them), and the control plane's checks
// on directory changes.
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, controlOk, type ControlGroup, type ControlUser } from '../../helpers/directory.js';
import { graphClient } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox({ mailPerUser: 0 });
  client = graphClient(sandbox);
});
afterAll(() => sandbox.close());

describe('organization and domains', () => {
  it('describes the tenant with its verified domains', async () => {
    const page = await client.api('/organization').get();
    expect(page.value).toHaveLength(1);
    const [organization] = page.value;
    expect(organization).toMatchObject({ id: sandbox.tenantId, displayName: 'Contoso' });
    expect(organization.verifiedDomains).toEqual(
      expect.arrayContaining([
        {
          capabilities: expect.any(String),
          isDefault: true,
          isInitial: false,
          name: 'contoso.com',
          type: 'Managed',
        },
        {
          capabilities: expect.any(String),
          isDefault: false,
          isInitial: true,
          name: 'contoso.onmicrosoft.com',
          type: 'Managed',
        },
      ]),
    );
    expect(organization.verifiedDomains.map((d: { name: string }) => d.name)).not.toContain('contoso.net');
    expect(
      await client.api(`/organization/${sandbox.tenantId}`).select('id,displayName').get(),
    ).toMatchObject({
      id: sandbox.tenantId,
      displayName: 'Contoso',
    });
  });

  it('lists every domain, verified or not, and gets one by name', async () => {
    const page = await client.api('/domains').get();
    expect(page.value).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'contoso.net', isVerified: false, isDefault: false }),
      ]),
    );
    expect(await client.api('/domains/contoso.com').get()).toMatchObject({
      id: 'contoso.com',
      isDefault: true,
      isVerified: true,
      authenticationType: 'Managed',
    });
    await expect(client.api('/domains/example.org').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'Request_ResourceNotFound',
    });
  });

  it('adds domains through the control plane; users may only live in verified ones', async () => {
    await controlOk(sandbox, 'POST', '/domains', { id: 'Fabrikam-Sub.com' });
    await controlOk(sandbox, 'POST', '/domains', { id: 'pending.example', isVerified: false });
    const organization = (await client.api('/organization').get()).value[0];
    expect(organization.verifiedDomains.map((d: { name: string }) => d.name)).toContain('fabrikam-sub.com');
    expect(await client.api('/domains/pending.example').get()).toMatchObject({ isVerified: false });

    await controlOk(sandbox, 'POST', '/users', {
      userPrincipalName: 'eve@fabrikam-sub.com',
      displayName: 'Eve Adams',
    });
    const refused = await control<{ error: { message: string } }>(sandbox, 'POST', '/users', {
      userPrincipalName: 'sam@pending.example',
      displayName: 'Sam Pending',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/verified domain/);
    expect((await control(sandbox, 'POST', '/domains', { id: 'contoso.com' })).status).toBe(409);
  });
});

describe('application permissions', () => {
  const requiredPermissions = async () =>
    (await sandbox.control.get<{ requiredPermissions: string[] }>('/app')).requiredPermissions;

  /** Runs requests with only the given application permissions granted, restoring them after. */
  async function withPermissions(permissions: string[], run: (reduced: Client) => Promise<void>) {
    const restore = await requiredPermissions();
    await sandbox.control.put('/app', { permissions });
    try {
      await run(graphClient(sandbox));
    } finally {
      await sandbox.control.put('/app', { permissions: restore });
    }
  }

  const denied = {
    statusCode: 403,
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
  };

  it('denies every directory endpoint to a token without a directory permission', async () => {
    await withPermissions(['Mail.ReadWrite'], async (reduced) => {
      for (const path of [
        '/users',
        '/users/delta',
        '/users/alice@contoso.com',
        '/users/alice@contoso.com/transitiveMemberOf',
        '/groups',
        '/groups/delta',
        '/directoryRoles',
        '/roleManagement/directory/roleAssignments',
        '/domains',
        '/organization',
      ])
        await expect(reduced.api(path).get(), path).rejects.toMatchObject(denied);
    });
  });

  it('grants exactly what each permission covers', async () => {
    const allStaff = (await controlOk<ControlGroup[]>(sandbox, 'GET', '/groups')).find(
      (g) => g.mail === 'all-staff@contoso.com',
    )!;
    await withPermissions(['User.Read.All'], async (reduced) => {
      await expect(reduced.api('/users').top(1).get()).resolves.toHaveProperty('value');
      await expect(reduced.api('/users/admin@contoso.com/transitiveMemberOf').get()).resolves.toHaveProperty(
        'value',
      );
      await expect(reduced.api('/groups').get()).rejects.toMatchObject(denied);
      await expect(reduced.api('/directoryRoles').get()).rejects.toMatchObject(denied);
    });
    await withPermissions(['GroupMember.Read.All'], async (reduced) => {
      await expect(reduced.api(`/groups/${allStaff.id}/transitiveMembers`).get()).resolves.toHaveProperty(
        'value',
      );
      await expect(reduced.api('/users').get()).rejects.toMatchObject(denied);
    });
    await withPermissions(
      ['RoleManagement.Read.Directory', 'Domain.Read.All', 'Organization.Read.All'],
      async (reduced) => {
        await expect(reduced.api('/directoryRoles').get()).resolves.toHaveProperty('value');
        await expect(reduced.api('/domains').get()).resolves.toHaveProperty('value');
        await expect(reduced.api('/organization').get()).resolves.toHaveProperty('value');
        await expect(reduced.api('/users').get()).rejects.toMatchObject(denied);
      },
    );
    await withPermissions(['Directory.Read.All'], async (reduced) => {
      for (const path of ['/users', '/groups/delta', '/directoryRoles', '/domains', '/organization'])
        await expect(reduced.api(path).get(), path).resolves.toHaveProperty('value');
    });
  });
});

describe('control plane checks', () => {
  const failure = async (method: string, path: string, body?: unknown) => {
    const result = await control<{ error: { message: string } }>(sandbox, method, path, body);
    return { status: result.status, message: result.body.error.message };
  };

  it('validates user changes with clear statuses', async () => {
    expect(
      await failure('POST', '/users', { userPrincipalName: 'alice@contoso.com', displayName: 'Alice Again' }),
    ).toMatchObject({ status: 409 });
    expect(
      await failure('POST', '/users', {
        userPrincipalName: 'x@contoso.com',
        displayName: 'X',
        colour: 'red',
      }),
    ).toEqual({
      status: 400,
      message: "unknown field 'colour'",
    });
    expect(await failure('PATCH', '/users/nobody@contoso.com', { displayName: 'Nobody' })).toMatchObject({
      status: 404,
    });
    expect(
      await failure('PATCH', '/users/alice@contoso.com', { removeProxyAddresses: ['alice@contoso.com'] }),
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/primary/),
    });
    expect(
      await failure('PATCH', '/users/alice@contoso.com', { addProxyAddresses: ['bob@contoso.com'] }),
    ).toMatchObject({
      status: 409,
    });
  });

  it('creates a shared mailbox as a disabled account and moves a primary address', async () => {
    const shared = await controlOk<ControlUser>(sandbox, 'POST', '/users', {
      userPrincipalName: 'payroll@contoso.com',
      displayName: 'Payroll',
      mailboxType: 'shared',
    });
    expect(shared).toMatchObject({
      accountEnabled: false,
      mail: 'payroll@contoso.com',
      proxyAddresses: ['SMTP:payroll@contoso.com'],
    });
    const moved = await controlOk<ControlUser>(sandbox, 'PATCH', '/users/payroll@contoso.com', {
      addProxyAddresses: ['SMTP:salaries@contoso.com'],
    });
    expect(moved).toMatchObject({
      mail: 'salaries@contoso.com',
      proxyAddresses: ['SMTP:salaries@contoso.com', 'smtp:payroll@contoso.com'],
    });
    expect(await client.api(`/users/${shared.id}`).select('mail,accountEnabled').get()).toMatchObject({
      mail: 'salaries@contoso.com',
      accountEnabled: false,
    });
  });

  it('validates group changes with clear statuses', async () => {
    expect(
      await failure('POST', '/groups', { displayName: 'X', mailNickname: 'x', kind: 'club' }),
    ).toMatchObject({ status: 400 });
    expect(
      await failure('POST', '/groups', {
        displayName: 'X',
        mailNickname: 'x',
        kind: 'security',
        members: ['ghost@contoso.com'],
      }),
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/ghost@contoso.com/),
    });
    expect(
      await failure('POST', '/groups', {
        displayName: 'X',
        mailNickname: 'x',
        kind: 'microsoft365',
        members: ['sales@contoso.com'],
      }),
    ).toMatchObject({ status: 400 });
    expect(
      await failure('POST', '/groups', {
        displayName: 'Sales 2',
        mailNickname: 'sales',
        kind: 'distributionList',
      }),
    ).toMatchObject({ status: 409 });
    expect(await failure('POST', '/groups/sales@contoso.com/members/all-staff@contoso.com')).toMatchObject({
      status: 400,
      message: expect.stringMatching(/contain itself/),
    });
    expect(await failure('POST', '/groups/sales@contoso.com/members/alice@contoso.com')).toMatchObject({
      status: 409,
    });
    expect(await failure('DELETE', '/groups/sales@contoso.com/members/bob@contoso.com')).toMatchObject({
      status: 404,
    });
    expect(
      await failure('POST', '/roles/00000000-0000-4000-8000-000000000000/members', {
        user: 'bob@contoso.com',
      }),
    ).toMatchObject({ status: 404 });
  });
});
