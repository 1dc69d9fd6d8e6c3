// Roles come from the directory, live: the role matrix for /me and for a destructive route guarded
// by the retract capability, with a fresh role check right before the destructive action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let api: TestApi;
const PRA = 'e8611ab8-c189-46e8-94e1-60213ab1f814';

beforeAll(async () => {
  sandbox = await startTestSandbox();
  // Stand-ins for destructive routes: the guard under test is the real one.
  api = await startTestApi(sandbox, {}, (app) => {
    app.post(
      '/api/v1/test/destructive',
      { preHandler: app.requireCapability('retract', { fresh: true }) },
      async () => ({ done: true }),
    );
    app.post(
      '/api/v1/test/destructive-automation',
      { config: { auth: 'userOrApp' }, preHandler: app.requireCapability('retract', { fresh: true }) },
      async () => ({ done: true }),
    );
  });
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

const matrix = [
  { user: 'alice@contoso.com', roles: [], capabilities: ['report'], retract: 403 },
  {
    user: 'reader@contoso.com',
    roles: ['securityReader'],
    capabilities: ['report', 'readReports'],
    retract: 403,
  },
  {
    user: 'secops@contoso.com',
    roles: ['securityOperator'],
    capabilities: ['report', 'readReports', 'setVerdicts'],
    retract: 403,
  },
  {
    user: 'admin@contoso.com',
    roles: ['privilegedRoleAdministrator'],
    capabilities: ['report', 'readReports', 'setVerdicts', 'retract', 'approve', 'editPolicies'],
    retract: 200,
  },
  {
    user: 'authadmin@contoso.com',
    roles: ['privilegedAuthenticationAdministrator'],
    capabilities: ['report'],
    retract: 403,
  },
  {
    user: 'ga@contoso.com',
    roles: ['globalAdministrator'],
    capabilities: [
      'report',
      'readReports',
      'setVerdicts',
      'retract',
      'approve',
      'editPolicies',
      'publishDomains',
    ],
    retract: 200,
  },
  { user: 'partner_fabrikam.com#EXT#@contoso.onmicrosoft.com', roles: [], capabilities: [], retract: 403 },
];

describe('role matrix', () => {
  it.each(matrix)(
    '$user: /me shows roles from the directory and the capabilities they grant',
    async ({ user, roles, capabilities }) => {
      const response = await api.as(user, { method: 'GET', url: '/api/v1/me' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ kind: 'user', upn: user, roles, capabilities });
    },
  );

  it.each(matrix)('$user: the retract-guarded route answers $retract', async ({ user, retract }) => {
    const response = await api.as(user, { method: 'POST', url: '/api/v1/test/destructive' });
    expect(response.statusCode).toBe(retract);
    if (retract === 403) expect(response.json()).toMatchObject({ code: 'role_required' });
  });

  it('lets the automation app retract where a route admits apps, and shows it as an app on /me', async () => {
    const me = await api.asAutomation({ method: 'GET', url: '/api/v1/me' });
    expect(me.json()).toMatchObject({
      kind: 'app',
      roles: [],
      capabilities: ['readReports', 'setVerdicts', 'retract'],
    });
    expect(
      (await api.asAutomation({ method: 'POST', url: '/api/v1/test/destructive-automation' })).statusCode,
    ).toBe(200);
  });

  it('audits every denial', async () => {
    await api.as('reader@contoso.com', { method: 'POST', url: '/api/v1/test/destructive' });
    const [denial] = await api.app.audit.list(sandbox.tenantId, { action: 'access.denied' }, 1);
    expect(denial).toMatchObject({
      actorName: 'reader@contoso.com',
      outcome: 'denied',
      details: expect.objectContaining({ capability: 'retract' }),
    });
  });

  it('asks the directory about a guest never', async () => {
    const before = await sandbox.control.get<{ byEndpoint: Record<string, number> }>('/stats');
    await api.as('partner_fabrikam.com#EXT#@contoso.onmicrosoft.com', {
      method: 'POST',
      url: '/api/v1/test/destructive',
    });
    const after = await sandbox.control.get<{ byEndpoint: Record<string, number> }>('/stats');
    const lookups = (stats: { byEndpoint: Record<string, number> }) =>
      Object.entries(stats.byEndpoint)
        .filter(([key]) => key.includes('transitiveMemberOf'))
        .reduce((n, [, v]) => n + v, 0);
    expect(lookups(after)).toBe(lookups(before));
  });
});

describe('role changes', () => {
  it('re-reads roles right before a destructive action even while /me is cached', async () => {
    const upn = 'admin2@contoso.com';
    expect((await api.as(upn, { method: 'POST', url: '/api/v1/test/destructive' })).statusCode).toBe(200);
    expect((await api.as(upn, { method: 'GET', url: '/api/v1/me' })).json().roles).toEqual([
      'privilegedRoleAdministrator',
    ]);
    await sandbox.control.delete(`/roles/${PRA}/members/${encodeURIComponent(upn)}`);
    try {
      const refused = await api.as(upn, { method: 'POST', url: '/api/v1/test/destructive' });
      expect(refused.statusCode).toBe(403);
    } finally {
      await sandbox.control.post(`/roles/${PRA}/members`, { user: upn });
    }
  });
});
