// Contract: GET /users and /users/{id|upn} through the real Graph SDK — paging with opaque next
// links, $top bounds with Graph's error text, $select's default property set, and $filter limited
// to what Entra indexes (advanced operators only with ConsistencyLevel: eventual + $count=true).
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlOk, followPages, type ControlUser } from '../../helpers/directory.js';
import { graphClient } from '../../helpers/graph.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let client: Client;

beforeAll(async () => {
  // More users than one default page (100), no ordinary mail: this file is about the directory.
  sandbox = await startTestSandbox({ users: 120, mailPerUser: 0 });
  client = graphClient(sandbox);
});
afterAll(() => sandbox.close());

const ids = (items: { id?: string }[]) => items.map((item) => item.id!).sort();

describe('paging', () => {
  it('returns every user exactly once across $top=7 pages', async () => {
    const expected = await controlOk<ControlUser[]>(sandbox, 'GET', '/users');
    const first = await client.api('/users').top(7).select('id,displayName').get();
    expect(first.value).toHaveLength(7);
    expect(first['@odata.nextLink']).toMatch(/\$skiptoken=/);
    expect(first['@odata.nextLink']).not.toMatch(/\$skip=/);

    const { items, pages } = await followPages<{ id: string }>(client, first);
    expect(ids(items)).toEqual(ids(expected));
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(pages).toBe(Math.ceil(expected.length / 7));
  });

  it('loses and repeats nothing when users are added and deleted between pages', async () => {
    const before = await controlOk<ControlUser[]>(sandbox, 'GET', '/users');
    const first = await client.api('/users').top(7).select('id').get();
    const seen = new Set(ids(first.value));
    const unseen = before.find(
      (user) => !seen.has(user.id) && /^user\d+@contoso\.com$/.test(user.userPrincipalName),
    )!;
    await controlOk(sandbox, 'DELETE', `/users/${unseen.id}`);
    const added = await controlOk<ControlUser>(sandbox, 'POST', '/users', {
      userPrincipalName: 'between.pages@contoso.com',
      displayName: 'Between Pages',
    });

    const { items } = await followPages<{ id: string }>(client, first);
    const returned = ids(items);
    expect(new Set(returned).size).toBe(returned.length);
    const expected = before.map((user) => user.id).filter((id) => id !== unseen.id);
    expect(returned).toEqual(expect.arrayContaining(expected));
    expect(returned).not.toContain(unseen.id);
    // An object added mid-listing shows up only if it sorts after the cursor, never twice.
    expect(returned.filter((id) => id === added.id).length).toBeLessThanOrEqual(1);
  });

  it('serves 100 users per page by default', async () => {
    const page = await client.api('/users').get();
    expect(page.value).toHaveLength(100);
    expect(page['@odata.nextLink']).toBeDefined();
  });

  it('refuses $top=1000 with Graph’s exact message and accepts 999', async () => {
    await expect(client.api('/users').top(1000).get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_BadRequest',
      message: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    });
    await expect(client.api('/users').top(0).get()).rejects.toMatchObject({ statusCode: 400 });
    const all = await client.api('/users').top(999).get();
    expect(all['@odata.nextLink']).toBeUndefined();
  });
});

describe('$select', () => {
  it('returns the default property set without $select, and no proxyAddresses', async () => {
    const alice = await client.api('/users/alice@contoso.com').get();
    expect(
      Object.keys(alice)
        .filter((key) => !key.startsWith('@'))
        .sort(),
    ).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    expect(alice).not.toHaveProperty('proxyAddresses');
    expect(alice).not.toHaveProperty('accountEnabled');
    expect(alice).not.toHaveProperty('userType');
  });

  it('returns exactly the selected properties, proxyAddresses included', async () => {
    const page = await client
      .api('/users')
      .filter("userPrincipalName eq 'alice@contoso.com'")
      .select('displayName,proxyAddresses,accountEnabled,userType')
      .get();
    expect(page['@odata.context']).toMatch(
      /\$metadata#users\(displayName,proxyAddresses,accountEnabled,userType\)$/,
    );
    expect(page.value).toEqual([
      {
        displayName: 'Alice Smith',
        proxyAddresses: expect.arrayContaining(['SMTP:alice@contoso.com', 'smtp:alice.smith@contoso.com']),
        accountEnabled: true,
        userType: 'Member',
      },
    ]);
  });

  it('refuses an unknown property naming the type', async () => {
    await expect(client.api('/users').select('id,favouriteColour').get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_BadRequest',
      message: "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.",
    });
  });
});

describe('$filter', () => {
  const upns = async (filter: string, headers: Record<string, string> = {}) => {
    const page = await client
      .api('/users')
      .headers(headers)
      .filter(filter)
      .select('userPrincipalName')
      .top(999)
      .get();
    return (page.value as { userPrincipalName: string }[]).map((u) => u.userPrincipalName).sort();
  };

  it('supports eq, startswith and any() on the indexed properties', async () => {
    expect(await upns("mail eq 'ALICE@contoso.com'")).toEqual(['alice@contoso.com']);
    expect(await upns("startswith(displayName,'Alice Sm')")).toEqual(['alice@contoso.com']);
    expect(await upns("proxyAddresses/any(p:p eq 'smtp:bob.jones@contoso.com')")).toEqual([
      'bob@contoso.com',
    ]);
    expect(await upns("userType eq 'Guest'")).toEqual(['partner_fabrikam.com#EXT#@contoso.onmicrosoft.com']);
    expect(await upns('accountEnabled eq false')).toEqual(
      ['former.employee@contoso.com', 'helpdesk@contoso.com', 'phishing-reports@contoso.com'].sort(),
    );
    expect(
      await upns("userPrincipalName eq 'alice@contoso.com' or userPrincipalName eq 'bob@contoso.com'"),
    ).toEqual(['alice@contoso.com', 'bob@contoso.com']);
  });

  it('refuses a property Entra does not index by default', async () => {
    await expect(client.api('/users').filter("officeLocation eq 'Oslo'").get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
      message:
        "Unsupported or invalid query filter clause specified for property 'officeLocation' of resource 'User'.",
    });
    await expect(client.api('/users').filter("favouriteColour eq 'red'").get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
    });
  });

  it('refuses a quoted boolean rather than matching nothing', async () => {
    await expect(client.api('/users').filter("accountEnabled eq 'true'").get()).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('answers ne and endsWith only as advanced queries, with @odata.count', async () => {
    await expect(
      client.api('/users').filter("endswith(mail,'@northwindtraders.com')").get(),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
      message: expect.stringMatching(/^Operator 'endsWith' is not supported because the required parameters/),
    });
    const page = await client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .count(true)
      .filter("endswith(mail,'@northwindtraders.com')")
      .select('mail')
      .get();
    // Every 25th numbered user lives in the subsidiary's domain.
    expect(page['@odata.count']).toBe(4);
    expect(page.value.every((u: { mail: string }) => u.mail.endsWith('@northwindtraders.com'))).toBe(true);
  });

  it('ignores $count=true without ConsistencyLevel, as Graph does', async () => {
    const page = await client.api('/users').count(true).top(1).get();
    expect(page).not.toHaveProperty('@odata.count');
  });
});

describe('GET /users/{id | userPrincipalName}', () => {
  it('finds a user by id and by UPN, guests included', async () => {
    const byUpn = await client.api('/users/bob@contoso.com').select('id,displayName').get();
    const byId = await client.api(`/users/${byUpn.id}`).get();
    expect(byId).toMatchObject({
      id: byUpn.id,
      displayName: 'Bob Jones',
      userPrincipalName: 'bob@contoso.com',
    });
    expect(byId['@odata.context']).toMatch(/\$metadata#users\/\$entity$/);
    const guest = await client
      .api(`/users/${encodeURIComponent('partner_fabrikam.com#EXT#@contoso.onmicrosoft.com')}`)
      .select('userType,mail')
      .get();
    expect(guest).toMatchObject({ userType: 'Guest', mail: 'partner@fabrikam.com' });
  });

  it('answers 404 Request_ResourceNotFound for an unknown user, and for an alias (not a UPN)', async () => {
    await expect(client.api('/users/nobody@contoso.com').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'Request_ResourceNotFound',
      message:
        "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
    });
    await expect(client.api('/users/alice.smith@contoso.com').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'Request_ResourceNotFound',
    });
  });
});
