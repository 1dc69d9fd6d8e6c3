import { defineConfig } from 'vitest/config';

// Three projects: unit (no servers), integration (real SDKs against a sandbox over HTTPS, and the
// database: CI runs it twice, on PGlite and on PostgreSQL), browser (Chromium through Playwright).
// Workspace packages resolve to their TypeScript sources through their package exports.
export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Forked workers inherit NODE_EXTRA_CA_CERTS from the global setup, so every TLS client in a
    // test trusts the sandbox CA the way a developer's shell would.
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], testTimeout: 10_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
