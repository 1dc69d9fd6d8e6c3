// Configuration the directory feature reads: separate app registrations per function (defaulting
// to the main app), the public origin for consent redirects, and the sync schedule.
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
const DIRECTORY_APP = '0b5d7c1e-1111-4a2b-9c3d-4e5f6a7b8c9d';

describe('directory configuration', () => {
  it('runs every function as the main app, syncs every 15 minutes, and derives redirects from requests', () => {
    expect(loadConfig(production)).toMatchObject({
      functionApps: {},
      publicUrl: null,
      directorySyncCron: '*/15 * * * *',
      directoryPageSize: 999,
    });
  });

  it('takes a separate app per function, a public origin and a schedule from the environment', () => {
    const config = loadConfig({
      ...production,
      DIRECTORY_CLIENT_ID: DIRECTORY_APP,
      DIRECTORY_CLIENT_SECRET: 'directory-secret',
      PUBLIC_URL: 'https://clawback.contoso.com/',
      DIRECTORY_SYNC_CRON: 'off',
    });
    expect(config.functionApps).toEqual({
      directory: { clientId: DIRECTORY_APP, clientSecret: 'directory-secret' },
    });
    expect(config).toMatchObject({ publicUrl: 'https://clawback.contoso.com', directorySyncCron: null });
  });

  it('refuses a function app without its secret', () => {
    expect(() => loadConfig({ ...production, RETRACTION_CLIENT_ID: DIRECTORY_APP })).toThrow(ConfigError);
    try {
      loadConfig({ ...production, RETRACTION_CLIENT_ID: DIRECTORY_APP });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'RETRACTION_CLIENT_SECRET is required with RETRACTION_CLIENT_ID',
      ]);
    }
  });
});
