// Runs before any test worker starts: makes the sandbox CA every test sandbox will use and points
// NODE_EXTRA_CA_CERTS at it, so forked workers trust it from their first instruction. Every
// project runs this setup (each in its own module scope), so the shared state lives in the
// environment: all projects must use one CA.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadOrCreateTls } from '../../sandbox/src/tls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxDataDir: string;
  }
}

const DATA_DIR_VARIABLE = 'CLAWBACK_TEST_DATA_DIR';

export default function setup(project: TestProject) {
  let dataDir = process.env[DATA_DIR_VARIABLE];
  const owner = !dataDir;
  if (!dataDir) {
    dataDir = mkdtempSync(join(tmpdir(), 'clawback-test-'));
    process.env[DATA_DIR_VARIABLE] = dataDir;
    process.env.NODE_EXTRA_CA_CERTS = loadOrCreateTls(join(dataDir, 'tls')).caCertPath;
  }
  project.provide('sandboxDataDir', dataDir);
  return () => {
    if (owner) rmSync(dataDir, { recursive: true, force: true });
  };
}
