// Contract: the real msal-node gets tokens from the sandbox's Entra endpoints, and jose verifies
// them against the published JWKS, exactly as against a real tenant.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { createRemoteJWKSet, jwtVerify, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function msalClient(secret = sandbox.clientSecret) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: sandbox.clientId,
      clientSecret: secret,
      authority: sandbox.authority,
      knownAuthorities: [new URL(sandbox.url).host],
    },
  });
}

describe('client credentials through msal-node', () => {
  it('issues a Graph token whose roles are the granted application permissions', async () => {
    const result = await msalClient().acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const claims = decodeJwt(result!.accessToken);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${sandbox.tenantId}/`,
      appid: sandbox.clientId,
      idtyp: 'app',
      tid: sandbox.tenantId,
      ver: '1.0',
    });
    expect(claims.roles).toEqual(expect.arrayContaining(['Mail.ReadWrite', 'User.Read.All']));
  });

  it('reflects a permission change in the next token', async () => {
    await sandbox.control.put('/app', { permissions: ['User.Read.All'] });
    try {
      const result = await msalClient().acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      });
      expect(decodeJwt(result!.accessToken).roles).toEqual(['User.Read.All']);
    } finally {
      const app = await sandbox.control.get<{ requiredPermissions: string[] }>('/app');
      await sandbox.control.put('/app', { permissions: app.requiredPermissions });
    }
  });

  it('refuses a wrong secret with AADSTS7000215', async () => {
    await expect(
      msalClient('not-the-secret').acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      }),
    ).rejects.toMatchObject({
      errorCode: 'invalid_client',
      errorMessage: expect.stringContaining('AADSTS7000215'),
    });
  });

  it('refuses a scope without /.default with AADSTS1002012', async () => {
    const response = await fetch(`${sandbox.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sandbox.clientId,
        client_secret: sandbox.clientSecret,
        scope: 'https://graph.microsoft.com/Mail.Read',
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
  });

  it('refuses an unknown application with AADSTS700016', async () => {
    const response = await fetch(`${sandbox.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: '11111111-2222-3333-4444-555555555555',
        client_secret: 'x',
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });
});

describe('delegated API tokens', () => {
  it('are RS256 tokens verifiable against the tenant JWKS with the v2 issuer', async () => {
    const token = await sandbox.control.userToken('admin@contoso.com');
    const jwks = createRemoteJWKSet(new URL(`${sandbox.authority}/discovery/v2.0/keys`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: `${sandbox.authority}/v2.0`,
      audience: sandbox.clientId,
      algorithms: ['RS256'],
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      scp: 'access_as_user',
      preferred_username: 'admin@contoso.com',
      tid: sandbox.tenantId,
      ver: '2.0',
      azp: sandbox.clientId,
    });
    expect(payload.wids).toContain('e8611ab8-c189-46e8-94e1-60213ab1f814');
  });

  it('name the Teams client as azp when asked for a Teams SSO token', async () => {
    const token = await sandbox.control.userToken('secops@contoso.com', 'teams');
    expect(decodeJwt(token).azp).toBe('5e3ce6c0-2b1f-4285-8d4b-75ee78787346');
  });

  it('stop verifying once their key is rotated out of the JWKS', async () => {
    const token = await sandbox.control.userToken('alice@contoso.com');
    await sandbox.control.post('/keys/rotate', { retainPrevious: false });
    const jwks = createRemoteJWKSet(new URL(`${sandbox.authority}/discovery/v2.0/keys`));
    await expect(
      jwtVerify(token, jwks, { issuer: `${sandbox.authority}/v2.0`, audience: sandbox.clientId }),
    ).rejects.toThrow();
  });
});
