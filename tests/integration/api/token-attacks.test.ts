// Every forged, misdirected or stale token is answered 401, leaves exactly one audit row, and
// causes no Graph call. Tokens are minted by the sandbox's real signing key unless the attack is
// about the key itself.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphToken } from '../../helpers/graph.js';
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

const now = () => Math.floor(Date.now() / 1000);

/** Claims of a valid delegated token for admin@contoso.com; attacks change one thing. */
async function validClaims(): Promise<Record<string, unknown>> {
  const token = await sandbox.control.userToken('admin@contoso.com');
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

async function signed(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  return (await sandbox.control.post<{ token: string }>('/sign', { claims, header })).token;
}

async function authFailures(): Promise<number> {
  const rows = await api.app.audit.list(sandbox.tenantId, { action: 'auth.failed' }, 1000);
  return rows.length;
}

async function expectRefused(token: string, url = '/api/v1/me') {
  const before = {
    audits: await authFailures(),
    graph: (await sandbox.control.get<{ graphRequests: number }>('/stats')).graphRequests,
  };
  const response = await api.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode).toBe(401);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status: 401, code: 'invalid_token' });
  expect(await authFailures()).toBe(before.audits + 1);
  expect((await sandbox.control.get<{ graphRequests: number }>('/stats')).graphRequests).toBe(before.graph);
  return response.json() as { detail: string };
}

function encode(part: unknown): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}

describe('token attacks', () => {
  it('refuses alg none', async () => {
    const claims = await validClaims();
    await expectRefused(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const claims = await validClaims();
    const jwks = (await (await fetch(`${sandbox.authority}/discovery/v2.0/keys`)).json()) as {
      keys: { n: string }[];
    };
    const head = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    const signature = createHmac('sha256', jwks.keys[0]!.n).update(head).digest('base64url');
    const { detail } = await expectRefused(`${head}.${signature}`);
    expect(detail).toMatch(/algorithm/);
  });

  it.each(['jku', 'x5u', 'jwk'])('refuses a token whose header carries %s', async (name) => {
    const value = name === 'jwk' ? { kty: 'RSA', n: 'AQAB', e: 'AQAB' } : 'https://attacker.example/keys';
    const { detail } = await expectRefused(await signed(await validClaims(), { [name]: value }));
    expect(detail).toContain(name);
  });

  it('refuses a tampered payload', async () => {
    const token = await sandbox.control.userToken('alice@contoso.com');
    const [head, , signature] = token.split('.');
    const claims = await validClaims();
    await expectRefused(`${head}.${encode(claims)}.${signature}`);
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(
      await signed({ ...(await validClaims()), aud: '00000000-0000-0000-0000-000000000001' }),
    );
  });

  it("refuses a Graph token (Graph's audience, v1 issuer)", async () => {
    await expectRefused(await graphToken(sandbox));
  });

  it("refuses another tenant's validly signed token", async () => {
    const other = '99999999-8888-4777-a666-555555555555';
    await expectRefused(
      await signed({ ...(await validClaims()), tid: other, iss: `${sandbox.url}/${other}/v2.0` }),
    );
  });

  it('refuses the v1 issuer where v2 is configured', async () => {
    await expectRefused(
      await signed({ ...(await validClaims()), iss: `https://sts.windows.net/${sandbox.tenantId}/` }),
    );
  });

  it.each(['common', '{tenantid}'])('refuses the issuer %s', async (segment) => {
    await expectRefused(await signed({ ...(await validClaims()), iss: `${sandbox.url}/${segment}/v2.0` }));
  });

  it('refuses an expired token, and one not valid yet', async () => {
    await expectRefused(
      await signed({ ...(await validClaims()), exp: now() - 3600, nbf: now() - 7200, iat: now() - 7200 }),
    );
    await expectRefused(await signed({ ...(await validClaims()), nbf: now() + 600, iat: now() }));
  });

  it('accepts expiry just inside the 60 s skew and refuses it just outside', async () => {
    const inside = await signed({
      ...(await validClaims()),
      exp: now() - 30,
      nbf: now() - 3600,
      iat: now() - 3600,
    });
    const outside = await signed({
      ...(await validClaims()),
      exp: now() - 90,
      nbf: now() - 3600,
      iat: now() - 3600,
    });
    const accepted = await api.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: { authorization: `Bearer ${inside}` },
    });
    expect(accepted.statusCode).not.toBe(401);
    await expectRefused(outside);
  });

  it('refuses a token signed by a key the tenant never published', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await new SignJWT(await validClaims())
      .setProtectedHeader({ alg: 'RS256', kid: 'not-a-tenant-key' })
      .sign(privateKey);
    await expectRefused(token);
  });

  it('refuses an app-only token on a user route', async () => {
    const { automationToken } = await import('../../helpers/api.js');
    const { detail } = await expectRefused(
      await automationToken(sandbox, api.config),
      '/api/v1/health/permissions',
    );
    expect(detail).toMatch(/app-only/);
  });

  it('refuses a token issued to a client that is not allowed', async () => {
    const { detail } = await expectRefused(
      await signed({ ...(await validClaims()), azp: '12345678-1234-4234-8234-123456789012' }),
    );
    expect(detail).toMatch(/client/);
  });

  it('refuses a delegated token without the access_as_user scope', async () => {
    await expectRefused(await signed({ ...(await validClaims()), scp: 'User.Read' }));
  });

  it('refuses an encrypted token (JWE)', async () => {
    const { detail } = await expectRefused('eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y2lwaGVy.dGFn');
    expect(detail).toMatch(/JWE/);
  });

  it('refuses claims of the wrong type', async () => {
    await expectRefused(await signed({ ...(await validClaims()), oid: 12345 }));
    await expectRefused(await signed({ ...(await validClaims()), roles: 'Admin' }));
  });

  it('answers a missing token with 401 unauthenticated', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('signing key rotation', () => {
  it('accepts tokens from a new key at once and refuses tokens of a withdrawn key once the cache expires', async () => {
    const rotating = await startTestApi(sandbox, { jwksCooldownMs: 0, jwksCacheMaxAgeMs: 0 });
    try {
      const old = await sandbox.control.userToken('reader@contoso.com');
      expect(
        (
          await rotating.app.inject({
            method: 'GET',
            url: '/api/v1/audit/verify',
            headers: { authorization: `Bearer ${old}` },
          })
        ).statusCode,
      ).toBe(200);
      await sandbox.control.post('/keys/rotate', { retainPrevious: false });
      const fresh = await sandbox.control.userToken('reader@contoso.com');
      expect(
        (
          await rotating.app.inject({
            method: 'GET',
            url: '/api/v1/audit/verify',
            headers: { authorization: `Bearer ${fresh}` },
          })
        ).statusCode,
      ).toBe(200);
      const refused = await rotating.app.inject({
        method: 'GET',
        url: '/api/v1/audit/verify',
        headers: { authorization: `Bearer ${old}` },
      });
      expect(refused.statusCode).toBe(401);
    } finally {
      await rotating.close();
    }
  });
});
