// A local certificate authority and a localhost server certificate, made once per data directory.
// MSAL refuses http authorities and the Graph client only sends tokens over https, so the sandbox
// must speak TLS with a certificate that clients can be told to trust.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  /** PEM of the local CA: give it to clients as `ca`, or as NODE_EXTRA_CA_CERTS via `caCertPath`. */
  caCert: string;
  caCertPath: string;
  cert: string;
  key: string;
  /** The localhost server certificate and key as files: other local servers may present them. */
  certPath: string;
  keyPath: string;
}

const CA_FILE = 'ca.crt';
const CA_KEY_FILE = 'ca.key';
const SERVER_FILE = 'localhost.crt';
const SERVER_KEY_FILE = 'localhost.key';

export function loadOrCreateTls(dir: string): TlsMaterial {
  mkdirSync(dir, { recursive: true });
  const paths = {
    ca: join(dir, CA_FILE),
    caKey: join(dir, CA_KEY_FILE),
    cert: join(dir, SERVER_FILE),
    key: join(dir, SERVER_KEY_FILE),
  };
  if (!existsSync(paths.ca) || !existsSync(paths.caKey)) {
    const ca = createCertificate({
      commonName: `Clawback Sandbox Local CA ${randomBytes(4).toString('hex')}`,
      isCa: true,
    });
    writeFileSync(paths.ca, ca.cert);
    writeFileSync(paths.caKey, ca.key, { mode: 0o600 });
  }
  const caCert = readFileSync(paths.ca, 'utf8');
  if (!existsSync(paths.cert) || !existsSync(paths.key)) {
    const server = createCertificate({
      commonName: 'localhost',
      isCa: false,
      issuer: { cert: caCert, key: readFileSync(paths.caKey, 'utf8') },
    });
    writeFileSync(paths.cert, server.cert);
    writeFileSync(paths.key, server.key, { mode: 0o600 });
  }
  return {
    caCert,
    caCertPath: resolve(paths.ca),
    cert: readFileSync(paths.cert, 'utf8'),
    key: readFileSync(paths.key, 'utf8'),
    certPath: resolve(paths.cert),
    keyPath: resolve(paths.key),
  };
}

interface CertificateRequest {
  commonName: string;
  isCa: boolean;
  issuer?: { cert: string; key: string };
}

function createCertificate(request: CertificateRequest): { cert: string; key: string } {
  // Node's native key generation is much faster than forge's pure-JS one.
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKey = forge.pki.publicKeyFromPem(
    pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );

  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + (request.isCa ? 3650 : 825) * 24 * 3600 * 1000);
  const subject = [{ name: 'commonName', value: request.commonName }];
  cert.setSubject(subject);

  const issuerCert = request.issuer ? forge.pki.certificateFromPem(request.issuer.cert) : null;
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : subject);
  cert.setExtensions(
    request.isCa
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: [
              { type: 2, value: 'localhost' },
              { type: 7, ip: '127.0.0.1' },
              { type: 7, ip: '::1' },
            ],
          },
        ],
  );
  const signingKey = forge.pki.privateKeyFromPem(request.issuer ? request.issuer.key : keyPem);
  cert.sign(signingKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keyPem };
}
