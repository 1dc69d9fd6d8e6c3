// The signing keys behind every token the sandbox issues. Rotation keeps the previous key in the
// JWKS unless told not to, as Entra does during its rollover window.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export class KeyRing {
  private keys: SigningKey[] = [];

  constructor() {
    this.keys = [createSigningKey()];
  }

  get active(): SigningKey {
    return this.keys[0]!;
  }

  /** Makes a new active key; the old one stays published only when `retainPrevious`. */
  rotate(retainPrevious = true): SigningKey {
    const next = createSigningKey();
    this.keys = retainPrevious ? [next, ...this.keys.slice(0, 1)] : [next];
    return next;
  }

  find(kid: string): SigningKey | null {
    return this.keys.find((key) => key.kid === kid) ?? null;
  }

  jwks(issuer: string): { keys: JWK[] } {
    return { keys: this.keys.map((key) => ({ ...key.publicJwk, issuer })) };
  }
}

function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = exportJWKSync(publicKey);
  // Entra's kid is the base64url SHA-1 thumbprint of the key's certificate; a hash of the
  // modulus gives the same shape.
  const kid = createHash('sha1')
    .update(jwk.n ?? '')
    .digest('base64url');
  return { kid, privateKey, publicJwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, n: jwk.n, e: jwk.e } };
}

function exportJWKSync(publicKey: KeyObject): JWK {
  // jose's exportJWK is async only; Node exports the same JWK synchronously.
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  return jwk;
}
