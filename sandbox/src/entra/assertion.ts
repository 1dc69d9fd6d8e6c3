// Client authentication with a certificate: the signed JWT assertion of RFC 7523 as MSAL builds it
// (x5t or x5t#S256 header naming the certificate; aud the token endpoint; iss = sub = client id).
import { createPublicKey, createHash, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import forge from 'node-forge';
import { EntraError } from '../http/errors.js';
import type { AppCredentialCertificate, SandboxApp } from '../state/types.js';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export function certificateCredential(certificatePem: string): AppCredentialCertificate {
  const cert = forge.pki.certificateFromPem(certificatePem);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    x5t: createHash('sha1').update(der).digest('base64url'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
    publicKeyPem: forge.pki.publicKeyToPem(cert.publicKey),
  };
}

function badAssertion(description: string, code = 700027): EntraError {
  return new EntraError(401, 'invalid_client', code, description);
}

export async function verifyClientAssertion(
  app: SandboxApp,
  assertion: string,
  tokenEndpoint: string,
): Promise<void> {
  let header;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw badAssertion('Client assertion failed signature validation.');
  }
  const thumbprint = (header['x5t#S256'] as string | undefined) ?? header.x5t;
  const credential = app.certificates.find((c) => c.x5tS256 === thumbprint || c.x5t === thumbprint);
  if (!credential)
    throw badAssertion(
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint ?? ''}']`,
      700027,
    );
  const key: KeyObject = createPublicKey(credential.publicKeyPem);
  let payload: Record<string, unknown>;
  try {
    const verified = await compactVerify(assertion, key, { algorithms: ['RS256', 'PS256'] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload));
  } catch {
    throw badAssertion('Client assertion contains an invalid signature.');
  }
  const now = Math.floor(Date.now() / 1000);
  if (payload.iss !== app.clientId || payload.sub !== app.clientId)
    throw badAssertion('Client assertion must have iss and sub set to the client id.', 700023);
  const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audience.includes(tokenEndpoint))
    throw badAssertion(`Client assertion audience claim does not match Realm issuer.`, 700212);
  if (typeof payload.exp !== 'number' || payload.exp < now - 300)
    throw badAssertion('Client assertion is not within its valid time range.', 700024);
}
