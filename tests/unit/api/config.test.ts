import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../api/src/config/config.js';
import { loadConfig } from '../../../api/src/config/load.js';

const production = {
  CLAWBACK_MODE: 'production',
  TENANT_ID: '2f5c8e1a-7d43-4b9e-a1c6-0e8d3f7b9a24',
  CLIENT_ID: 'c1a5b0e2-3d7f-4e89-b6a1-9f2c4d8e7b35',
  CLIENT_SECRET: 'secret',
  API_AUDIENCE: 'api://clawback.contoso.com/c1a5b0e2-3d7f-4e89-b6a1-9f2c4d8e7b35',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('builds a production config from the environment alone, pointing at Microsoft', () => {
    const config = loadConfig(production);
    expect(config).toMatchObject({
      mode: 'production',
      authority: `https://login.microsoftonline.com/${production.TENANT_ID}`,
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      host: '0.0.0.0',
      apiAudiences: [production.CLIENT_ID, production.API_AUDIENCE],
      extraCaCert: null,
    });
  });

  it('names every missing production value at once', () => {
    const problems = problemsOf({ CLAWBACK_MODE: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'TENANT_ID is required in production',
        'CLIENT_ID is required in production',
        'API_AUDIENCE is required in production',
        expect.stringContaining('CLIENT_SECRET'),
      ]),
    );
  });

  it('names each bad value', () => {
    const problems = problemsOf({
      ...production,
      PORT: 'eighty',
      TENANT_ID: 'contoso',
      DATABASE_URL: 'mysql://x',
      CLAWBACK_ROLE: 'boss',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining(['PORT', 'TENANT_ID', 'DATABASE_URL', 'CLAWBACK_ROLE']),
    );
  });

  it('refuses a production config that points at a local sandbox', () => {
    expect(problemsOf({ ...production, AUTHORITY_HOST: 'https://localhost:4443' })).toEqual([
      expect.stringContaining('must not point at a local sandbox'),
    ]);
  });

  it('needs the sandbox registration in sandbox mode', () => {
    expect(problemsOf({})).toEqual([expect.stringContaining('sandbox mode')]);
  });

  it('says which file cannot be read', () => {
    expect(problemsOf({ ...production, EXTRA_CA_CERT_PATH: '/nonexistent/ca.pem' })).toEqual([
      expect.stringMatching(/^EXTRA_CA_CERT_PATH cannot be read \(ENOENT\)/),
    ]);
  });
});
