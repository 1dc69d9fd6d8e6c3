// Checks a Graph bearer token as Graph does: RS256 signature from the tenant's keys, Graph audience,
// the tenant's v1 issuer, lifetime. Verified tokens are cached so throughput tests measure handlers.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { GraphError } from '../http/errors.js';
import type { SandboxContext } from '../context.js';
import { GRAPH_APP_ID, GRAPH_RESOURCE, v1Issuer } from '../entra/tokens.js';
import type { GraphCaller } from './registry.js';

interface VerifiedToken {
  appId: string;
  roles: string[];
  exp: number;
  tid: string;
  kid: string;
}

const CACHE_LIMIT = 10_000;

function invalidToken(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    'www-authenticate': 'Bearer realm="", authorization_uri="", client_id=""',
  });
}

export class GraphAuthenticator {
  private readonly verified = new Map<string, VerifiedToken>();
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(private readonly sandbox: SandboxContext) {}

  authenticate(authorization: string | undefined): GraphCaller {
    if (!authorization) throw invalidToken('Access token is empty.');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw invalidToken('Access token is empty.');
    const token = match[1]!;
    let claims = this.verified.get(token);
    if (!claims) {
      claims = this.verify(token);
      if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
      this.verified.set(token, claims);
    }
    // A token signed by a key that has since been withdrawn no longer verifies.
    if (!this.sandbox.keys.find(claims.kid))
      throw invalidToken('Access token validation failure. Signing key not found.');
    if (claims.exp * 1000 < Date.now())
      throw invalidToken('Lifetime validation failed, the token is expired.');
    const tenant = this.sandbox.tenant;
    if (claims.tid !== tenant.tenantId)
      throw invalidToken('Access token validation failure. Invalid issuer.');
    const app = tenant.apps.get(claims.appId);
    if (!app)
      throw invalidToken(
        'Access token validation failure. The application is not registered in this tenant.',
      );
    return { app, roles: new Set(claims.roles) };
  }

  private verify(token: string): VerifiedToken {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalidToken('IDX14100: JWT is not well formed, there are no dots (.).');
    let header: { alg?: string; kid?: string };
    let payload: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      throw invalidToken('IDX14102: Unable to decode the header or payload as Base64Url encoded string.');
    }
    if (header.alg !== 'RS256')
      throw invalidToken('Access token validation failure. Invalid signature algorithm.');
    const key = this.publicKey(header.kid);
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (!verify('RSA-SHA256', signed, key, Buffer.from(parts[2]!, 'base64url')))
      throw invalidToken('Access token validation failure. Invalid signature.');
    const aud = payload.aud;
    if (aud !== GRAPH_RESOURCE && aud !== `${GRAPH_RESOURCE}/` && aud !== GRAPH_APP_ID)
      throw invalidToken('Access token validation failure. Invalid audience.');
    const tid = String(payload.tid ?? '');
    if (payload.iss !== v1Issuer(tid)) throw invalidToken('Access token validation failure. Invalid issuer.');
    if (typeof payload.nbf === 'number' && payload.nbf * 1000 > Date.now() + 5 * 60 * 1000)
      throw invalidToken('Lifetime validation failed, the token is not yet valid.');
    const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
    return {
      appId: String(payload.appid ?? ''),
      roles,
      exp: Number(payload.exp ?? 0),
      tid,
      kid: header.kid!,
    };
  }

  private publicKey(kid: string | undefined): KeyObject {
    const cached = kid ? this.publicKeys.get(kid) : undefined;
    if (cached) return cached;
    const signing = kid ? this.sandbox.keys.find(kid) : null;
    if (!signing) throw invalidToken('Access token validation failure. Signing key not found.');
    const key = createPublicKey({ key: signing.publicJwk as never, format: 'jwk' });
    this.publicKeys.set(kid!, key);
    return key;
  }
}
