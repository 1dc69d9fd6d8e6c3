// Contract: directory roles through the real Graph SDK — a user's roles via the
// transitiveMemberOf/microsoft.graph.directoryRole cast (roles held through groups included),
// activated roles and their members, role assignments by filter, and beta's
// transitiveRoleAssignments that only answers with ConsistencyLevel: eventual and $count=true.
import type { Client } from '@microsoft/microsoft-graph-client';
import { ROLE_TEMPLATES } from '@clawback/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlOk, followPages, type ControlGroup, type ControlUser } from '../../helpers/directory.js';
import { graphClient, graphFetch } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let client: Client;
let users: ControlUser[];
let tierZero: ControlGroup;

const PRA = ROLE_TEMPLATES.privilegedRoleAdministrator;
const GA = ROLE_TEMPLATES.globalAdministrator;
const user = (upn: string) => users.find((u) => u.userPrincipalName === upn)!;
type Role = { '@odata.type'?: string; id: string; roleTemplateId: string; displayName: string };

beforeAll(async () => {
  sandbox = await startTestSandbox({ mailPerUser: 0 });
  client = graphClient(sandbox);
  // Alice holds Global Administrator only through a role-assignable security group.
  tierZero = await controlOk<ControlGroup>(sandbox, 'POST', '/groups', {
    displayName: 'Tier 0 Admins',
    mailNickname: 'tier0-admins',
    kind: 'security',
    members: ['alice@contoso.com'],
  });
  await controlOk(sandbox, 'POST', `/roles/${GA}/members`, { group: tierZero.id });
  users = await controlOk<ControlUser[]>(sandbox, 'GET', '/users');
});
afterAll(() => sandbox.close());

describe("a user's roles", () => {
  it('shows Privileged Role Administrator for admin@ through the directoryRole cast', async () => {
    const page = await client
      .api('/users/admin@contoso.com/transitiveMemberOf/microsoft.graph.directoryRole')
      .get();
    expect(page['@odata.context']).toMatch(/\$metadata#directoryRoles$/);
    expect(page.value).toEqual([
      expect.objectContaining({ roleTemplateId: PRA, displayName: 'Privileged Role Administrator' }),
    ]);
    expect(page.value[0]).not.toHaveProperty('@odata.type');
  });

  it('lists groups and roles, typed, without the cast', async () => {
    const { items } = await followPages<Role>(client, '/users/admin@contoso.com/transitiveMemberOf');
    const types = new Set(items.map((item) => item['@odata.type']));
    expect(types).toEqual(new Set(['#microsoft.graph.group', '#microsoft.graph.directoryRole']));
    expect(items.filter((item) => item['@odata.type'] === '#microsoft.graph.directoryRole')).toHaveLength(1);
  });

  it('counts a role held through a group as transitive, not direct, membership', async () => {
    const transitive = await client
      .api('/users/alice@contoso.com/transitiveMemberOf/microsoft.graph.directoryRole')
      .get();
    expect(transitive.value.map((role: Role) => role.roleTemplateId)).toEqual([GA]);
    const direct = await followPages<Role>(client, '/users/alice@contoso.com/memberOf');
    expect(direct.items.some((item) => item['@odata.type'] === '#microsoft.graph.directoryRole')).toBe(false);
    expect(direct.items.map((item) => item.id)).toContain(tierZero.id);
  });
});

describe('directoryRoles', () => {
  it('lists the activated roles with their template ids, unpaged', async () => {
    const page = await client.api('/directoryRoles').get();
    expect(page['@odata.nextLink']).toBeUndefined();
    expect(page.value.map((role: Role) => role.roleTemplateId)).toEqual(expect.arrayContaining([PRA, GA]));
    const filtered = await client.api('/directoryRoles').filter(`roleTemplateId eq '${PRA}'`).get();
    expect(filtered.value).toHaveLength(1);
    expect(filtered.value[0].id).not.toBe(PRA);
  });

  it('lists a role’s members by object id and by roleTemplateId', async () => {
    const role = (await client.api('/directoryRoles').filter(`roleTemplateId eq '${PRA}'`).get())
      .value[0] as Role;
    const byId = await client.api(`/directoryRoles/${role.id}/members`).select('userPrincipalName').get();
    expect(byId.value).toEqual(
      expect.arrayContaining([
        { '@odata.type': '#microsoft.graph.user', userPrincipalName: 'admin@contoso.com' },
        { '@odata.type': '#microsoft.graph.user', userPrincipalName: 'admin2@contoso.com' },
      ]),
    );
    expect(byId.value).toHaveLength(2);
    const byTemplate = await client
      .api(`/directoryRoles(roleTemplateId='${PRA}')/members`)
      .select('userPrincipalName')
      .get();
    expect(byTemplate.value).toEqual(byId.value);
  });

  it('answers 404 Request_ResourceNotFound for an unknown role id', async () => {
    await expect(client.api(`/directoryRoles/${PRA}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'Request_ResourceNotFound',
    });
  });
});

describe('roleAssignments', () => {
  it('filters by roleDefinitionId (the template id) and expands the principal', async () => {
    const page = await client
      .api('/roleManagement/directory/roleAssignments')
      .filter(`roleDefinitionId eq '${PRA}'`)
      .expand('principal')
      .get();
    expect(page['@odata.context']).toMatch(/roleAssignments\(principal\(\)\)$/);
    expect(
      page.value
        .map((row: { principal: { userPrincipalName: string } }) => row.principal.userPrincipalName)
        .sort(),
    ).toEqual(['admin2@contoso.com', 'admin@contoso.com']);
    for (const row of page.value) {
      expect(row).toMatchObject({
        roleDefinitionId: PRA,
        directoryScopeId: '/',
        principal: { '@odata.type': '#microsoft.graph.user' },
      });
      expect(row.id).toMatch(/^[A-Za-z0-9_-]{43}-1$/);
    }
  });

  it('filters by principalId, and lists a group as the principal of its role', async () => {
    const admin = user('admin@contoso.com');
    const mine = await client
      .api('/roleManagement/directory/roleAssignments')
      .filter(`principalId eq '${admin.id}'`)
      .get();
    expect(mine.value).toEqual([expect.objectContaining({ principalId: admin.id, roleDefinitionId: PRA })]);
    const ga = await client
      .api('/roleManagement/directory/roleAssignments')
      .filter(`roleDefinitionId eq '${GA}'`)
      .get();
    expect(ga.value.map((row: { principalId: string }) => row.principalId)).toContain(tierZero.id);
  });

  it('follows role changes made through the control plane', async () => {
    const bob = user('bob@contoso.com');
    const filter = `principalId eq '${bob.id}'`;
    await controlOk(sandbox, 'POST', `/roles/${PRA}/members`, { user: 'bob@contoso.com' });
    expect(
      (await client.api('/roleManagement/directory/roleAssignments').filter(filter).get()).value,
    ).toHaveLength(1);
    await controlOk(sandbox, 'DELETE', `/roles/${PRA}/members/bob@contoso.com`);
    expect(
      (await client.api('/roleManagement/directory/roleAssignments').filter(filter).get()).value,
    ).toEqual([]);
  });

  it('refuses a filter on anything else', async () => {
    await expect(
      client.api('/roleManagement/directory/roleAssignments').filter("displayName eq 'x'").get(),
    ).rejects.toMatchObject({ statusCode: 400, code: 'Request_UnsupportedQuery' });
  });
});

describe('beta transitiveRoleAssignments', () => {
  const path = (principalId: string) =>
    `/beta/roleManagement/directory/transitiveRoleAssignments?$count=true&$filter=principalId eq '${principalId}'`;

  it('answers 404 without ConsistencyLevel: eventual, or without $count', async () => {
    const alice = user('alice@contoso.com');
    expect((await graphFetch(sandbox, path(alice.id))).status).toBe(404);
    const noCount = path(alice.id).replace('$count=true&', '');
    expect((await graphFetch(sandbox, noCount, { headers: { ConsistencyLevel: 'eventual' } })).status).toBe(
      404,
    );
    await expect(client.api(path(alice.id).replace('/beta', '')).version('beta').get()).rejects.toMatchObject(
      { statusCode: 404 },
    );
  });

  it('lists direct and group-derived assignments, the group as principal', async () => {
    const alice = user('alice@contoso.com');
    const page = await client
      .api(path(alice.id).replace('/beta', ''))
      .version('beta')
      .header('ConsistencyLevel', 'eventual')
      .get();
    expect(page['@odata.count']).toBe(1);
    expect(page.value).toEqual([expect.objectContaining({ principalId: tierZero.id, roleDefinitionId: GA })]);
    const admin = user('admin@contoso.com');
    const direct = await graphFetch(sandbox, path(admin.id), { headers: { ConsistencyLevel: 'eventual' } });
    expect((await direct.json()).value).toEqual([
      expect.objectContaining({ principalId: admin.id, roleDefinitionId: PRA }),
    ]);
  });

  it('is not served on v1.0', async () => {
    const alice = user('alice@contoso.com');
    const response = await graphFetch(sandbox, path(alice.id).replace('/beta', '/v1.0'), {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(response.status).toBe(400);
  });
});
