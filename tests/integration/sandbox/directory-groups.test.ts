// Contract: groups through the real Graph SDK — Entra's classification flags per group kind,
// $filter on them, and direct and transitive members (typed, paged, nested groups expanded once).
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlOk, followPages, type ControlGroup, type ControlUser } from '../../helpers/directory.js';
import { graphClient } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let client: Client;
let groups: ControlGroup[];

beforeAll(async () => {
  sandbox = await startTestSandbox({ mailPerUser: 0 });
  client = graphClient(sandbox);
  groups = await controlOk<ControlGroup[]>(sandbox, 'GET', '/groups');
});
afterAll(() => sandbox.close());

const byMail = (mail: string) => groups.find((group) => group.mail === mail)!;
type DirectoryItem = { '@odata.type'?: string; id: string; displayName?: string };

/** What Entra reports for each kind (groups overview): groupTypes, mailEnabled, securityEnabled. */
const CLASSIFICATION = {
  distributionList: { groupTypes: [], mailEnabled: true, securityEnabled: false },
  security: { groupTypes: [], mailEnabled: false, securityEnabled: true },
  mailEnabledSecurity: { groupTypes: [], mailEnabled: true, securityEnabled: true },
  microsoft365: { groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false },
};

describe('classification', () => {
  it('reports the seeded groups with Entra’s flags for their kind', async () => {
    const page = await client
      .api('/groups')
      .select('displayName,mail,groupTypes,mailEnabled,securityEnabled')
      .get();
    const flags = (name: string) => {
      const { groupTypes, mailEnabled, securityEnabled } = page.value.find(
        (g: { displayName: string }) => g.displayName === name,
      );
      return { groupTypes, mailEnabled, securityEnabled };
    };
    expect(flags('All Staff')).toEqual(CLASSIFICATION.distributionList);
    expect(flags('Security Team')).toEqual(CLASSIFICATION.security);
    expect(flags('Platform Team')).toEqual(CLASSIFICATION.mailEnabledSecurity);
    expect(flags('Project Falcon')).toEqual(CLASSIFICATION.microsoft365);
  });

  it('creates each kind through the control plane with the same flags, mail and proxyAddresses', async () => {
    for (const kind of Object.keys(CLASSIFICATION) as (keyof typeof CLASSIFICATION)[]) {
      const created = await controlOk<ControlGroup>(sandbox, 'POST', '/groups', {
        displayName: `New ${kind}`,
        mailNickname: `new-${kind.toLowerCase()}`,
        kind,
      });
      const group = await client.api(`/groups/${created.id}`).get();
      expect(group).toMatchObject(CLASSIFICATION[kind]);
      if (kind === 'security') expect(group).toMatchObject({ mail: null, proxyAddresses: [] });
      else
        expect(group).toMatchObject({
          mail: `new-${kind.toLowerCase()}@contoso.com`,
          proxyAddresses: [`SMTP:new-${kind.toLowerCase()}@contoso.com`],
        });
    }
  });
});

describe('$filter', () => {
  const names = async (filter: string) => {
    const page = await client.api('/groups').filter(filter).select('displayName').top(999).get();
    return (page.value as { displayName: string }[]).map((g) => g.displayName).sort();
  };

  it('filters on mailEnabled, securityEnabled, groupTypes, mail and proxyAddresses', async () => {
    const mailEnabled = await names('mailEnabled eq true');
    expect(mailEnabled).toEqual(
      expect.arrayContaining(['All Staff', 'Platform Team', 'Project Falcon', 'Sales']),
    );
    expect(mailEnabled).not.toContain('Security Team');
    expect(await names("groupTypes/any(c:c eq 'Unified')")).toEqual(
      expect.arrayContaining(['Project Falcon', 'New microsoft365']),
    );
    expect(await names("groupTypes/any(c:c eq 'Unified')")).not.toContain('All Staff');
    expect(await names('mailEnabled eq true and securityEnabled eq true')).toEqual(
      ['New mailEnabledSecurity', 'Platform Team'].sort(),
    );
    expect(await names("mail eq 'sales@contoso.com'")).toEqual(['Sales']);
    expect(await names("proxyAddresses/any(p:startswith(p,'smtp:engineering@'))")).toEqual(['Engineering']);
  });

  it('refuses a filter Entra does not index for groups', async () => {
    await expect(
      client.api('/groups').filter('createdDateTime ge 2021-11-01T00:00:00Z').get(),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
      message:
        "Unsupported or invalid query filter clause specified for property 'createdDateTime' of resource 'Group'.",
    });
  });
});

describe('members', () => {
  it('lists direct members typed as users and groups', async () => {
    const allStaff = byMail('all-staff@contoso.com');
    const { items } = await followPages<DirectoryItem>(
      client,
      `/groups/${allStaff.id}/members?$select=id,displayName`,
    );
    expect(items.map((m) => m.id).sort()).toEqual([...allStaff.memberIds].sort());
    expect(items.find((m) => m.id === byMail('sales@contoso.com').id)).toEqual({
      '@odata.type': '#microsoft.graph.group',
      id: byMail('sales@contoso.com').id,
      displayName: 'Sales',
    });
    expect(items.filter((m) => m['@odata.type'] === '#microsoft.graph.user').length).toBeGreaterThan(0);
  });

  it('expands nested distribution lists so each user appears exactly once', async () => {
    // Alice is in Sales and, directly, in All Staff too; a user in Platform Team sits two levels down.
    await controlOk(sandbox, 'POST', '/groups/all-staff@contoso.com/members/alice@contoso.com');
    const users = await controlOk<ControlUser[]>(sandbox, 'GET', '/users');
    groups = await controlOk<ControlGroup[]>(sandbox, 'GET', '/groups');
    const allStaff = byMail('all-staff@contoso.com');
    const expected = expand(allStaff.id);

    const first = await client.api(`/groups/${allStaff.id}/transitiveMembers`).top(5).select('id').get();
    expect(first.value).toHaveLength(5);
    const { items } = await followPages<DirectoryItem>(client, first);
    const ids = items.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    const alice = users.find((u) => u.userPrincipalName === 'alice@contoso.com')!;
    expect(ids.filter((id) => id === alice.id)).toHaveLength(1);
    const platform = byMail('platform-team@contoso.com');
    for (const id of platform.memberIds) expect(ids).toContain(id);
    expect(items.find((m) => m.id === platform.id)?.['@odata.type']).toBe('#microsoft.graph.group');
  });

  it('casts transitiveMembers to users: no groups, no type annotations', async () => {
    const allStaff = byMail('all-staff@contoso.com');
    const page = await client
      .api(`/groups/${allStaff.id}/transitiveMembers/microsoft.graph.user`)
      .top(999)
      .get();
    expect(page['@odata.context']).toMatch(/\$metadata#users$/);
    const groupIds = new Set(groups.map((g) => g.id));
    expect(page.value.some((m: DirectoryItem) => groupIds.has(m.id))).toBe(false);
    expect(page.value.every((m: DirectoryItem) => m['@odata.type'] === undefined)).toBe(true);
    expect(page.value[0]).toHaveProperty('userPrincipalName');
  });

  it('answers 404 Request_ResourceNotFound for an unknown group', async () => {
    await expect(
      client.api('/groups/5b0f5d1e-0000-4000-8000-000000000000/members').get(),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'Request_ResourceNotFound',
    });
  });
});

/** Every user and group under a group, from the control plane's view, each once. */
function expand(groupId: string): Set<string> {
  const found = new Set<string>();
  const walk = (id: string) => {
    for (const member of groups.find((g) => g.id === id)?.memberIds ?? []) {
      if (found.has(member)) continue;
      found.add(member);
      walk(member);
    }
  };
  walk(groupId);
  return found;
}
