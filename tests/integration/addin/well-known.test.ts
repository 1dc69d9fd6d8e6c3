// /.well-known/microsoft-officeaddins-allowed.json, the list classic Outlook on Windows reads at the
// root of commands.js's origin before that page-less script may get tokens: it is served without a
// token over the API's real HTTPS socket, names the scripts the add-in manifest points Outlook at,
// and follows the public origin when the API sits behind a proxy.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderXmlManifest, resolveOptions } from '../../../manifest/src/index.js';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

const PATH = '/.well-known/microsoft-officeaddins-allowed.json';
const CLIENT_ID = '3f9c2d5e-8a41-4b7c-9e06-1d2a3b4c5d6e';

let sandbox: TestSandbox;
let api: TestApi;
let origin: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox, {
    tls: {
      cert: readFileSync(sandbox.localhostCertPath, 'utf8'),
      key: readFileSync(sandbox.localhostKeyPath, 'utf8'),
    },
  });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `https://localhost:${(api.app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

/** The script URLs of an add-in manifest rendered for this origin, as Outlook would load them. */
function manifestScripts(baseUrl: string): string[] {
  const xml = renderXmlManifest(
    resolveOptions({ baseUrl, clientId: CLIENT_ID, apiIdUri: `api://${new URL(baseUrl).host}/${CLIENT_ID}` }),
  );
  return [...xml.matchAll(/DefaultValue="([^"]+\.js)"/g)].map((m) => m[1]!);
}

describe('allowed add-ins list', () => {
  it('is served over HTTPS without a token and lists every script the add-in manifest names', async () => {
    const response = await fetch(`${origin}${PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { allowed: string[] };
    const scripts = manifestScripts(origin);
    expect(scripts).toEqual([`${origin}/commands.js`]);
    expect(body).toEqual({ allowed: scripts });
  });

  it('names the public origin when the API runs behind a proxy', async () => {
    const proxied = await startTestApi(sandbox, { publicUrl: 'https://clawback.contoso.com' });
    try {
      const response = await proxied.app.inject({
        method: 'GET',
        url: PATH,
        headers: { host: 'internal-api:3000' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ allowed: manifestScripts('https://clawback.contoso.com') });
    } finally {
      await proxied.close();
    }
  });
});
