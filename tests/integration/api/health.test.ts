// Health of dependencies, granted permissions per feature, and HTTP hygiene that needs a real socket.
import { connect } from 'node:tls';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import app from '../../../api/src/app.js';
import { serverOptions } from '../../../api/src/server-options.js';
import { startTestApi, testConfig, type TestApi } from '../../helpers/api.js';
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

describe('health', () => {
  it('reports database, queue, Graph token and dead letters without a token', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      checks: {
        database: { ok: true },
        queue: { ok: true },
        graphToken: { ok: true },
        deadLetters: { ok: true },
      },
    });
  });

  it('answers 503 when the Graph token cannot be had', async () => {
    const broken = await startTestApi(sandbox, {
      app: { clientId: api.config.app.clientId, clientSecret: 'wrong-secret' },
    });
    try {
      const response = await broken.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json().checks.graphToken).toMatchObject({
        ok: false,
        detail: expect.stringContaining('AADSTS7000215'),
      });
    } finally {
      await broken.close();
    }
  });

  it('shows a revoked permission and what stops working', async () => {
    const all = (
      await api.as('secops@contoso.com', { method: 'GET', url: '/api/v1/health/permissions' })
    ).json();
    expect(all.features.every((f: { ready: boolean }) => f.ready)).toBe(true);
    const description = await sandbox.control.get<{ permissions: string[] }>('/app');
    await sandbox.control.put('/app', {
      permissions: description.permissions.filter((p) => p !== 'Mail.ReadWrite'),
    });
    try {
      const fresh = await startTestApi(sandbox);
      try {
        const report = (
          await fresh.as('secops@contoso.com', { method: 'GET', url: '/api/v1/health/permissions' })
        ).json();
        expect(report.granted).not.toContain('Mail.ReadWrite');
        const retraction = report.features.find((f: { feature: string }) => f.feature === 'retraction');
        expect(retraction).toMatchObject({
          ready: false,
          missing: [{ permission: 'Mail.ReadWrite', impact: expect.stringContaining('moved') }],
        });
      } finally {
        await fresh.close();
      }
    } finally {
      await sandbox.control.put('/app', { permissions: description.permissions });
    }
  });
});

describe('HTTP hygiene', () => {
  it('rejects prototype poisoning with a 400 problem', async () => {
    const response = await api.as('admin@contoso.com', {
      method: 'POST',
      url: '/api/v1/me',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__":{"admin":true}}',
    });
    expect([400, 404]).toContain(response.statusCode);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers unknown API paths with a 404 problem document', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('sends a CSP whose frame-ancestors admit Outlook and Teams', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    expect(csp).toContain('https://outlook.office.com');
    expect(response.headers['x-frame-options']).toBeUndefined();
  });

  it('serves OpenAPI at /api/docs', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/me', '/api/v1/health', '/api/v1/audit']),
    );
  });

  it('answers an oversized header with 431 and keeps serving', async () => {
    const config = await testConfig(sandbox, {
      databaseUrl: 'memory://',
      port: 0,
      tls: { cert: await readFile(sandbox.localhostCertPath), key: await readFile(sandbox.localhostKeyPath) },
    });
    const server = Fastify(serverOptions(config, { logger: false }));
    await server.register(app, { config });
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const port = (server.server.address() as { port: number }).port;
      // A raw TLS socket: Node's HTTP client reports a reset while it is still writing the
      // oversized header, before it reads the server's 431.
      const status = (headers: Record<string, string>) =>
        new Promise<number>((resolve, reject) => {
          const socket = connect({ host: '127.0.0.1', port, servername: 'localhost' }, () => {
            const lines = Object.entries(headers)
              .map(([k, v]) => `${k}: ${v}\r\n`)
              .join('');
            socket.write(
              `GET /api/v1/health HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n${lines}\r\n`,
            );
          });
          let received = '';
          socket.on('data', (chunk) => (received += chunk.toString('latin1')));
          socket.on('error', (error) => (received ? undefined : reject(error)));
          socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)));
        });
      expect(await status({ authorization: `Bearer ${'a'.repeat(20_000)}` })).toBe(431);
      expect(await status({})).toBe(200);
    } finally {
      await server.close();
    }
  });
});

async function readFile(path: string): Promise<string> {
  const { readFile: read } = await import('node:fs/promises');
  return read(path, 'utf8');
}
