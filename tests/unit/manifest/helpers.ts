// A sample deployment and small helpers shared by the manifest tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Io } from '../../../manifest/src/cli/io.js';

export const CLIENT_ID = 'c1a5b0e2-3d7f-4e89-b6a1-9f2c4d8e7b35';
export const BASE_URL = 'https://clawback.contoso.com';
export const SAMPLE = {
  baseUrl: BASE_URL,
  clientId: CLIENT_ID,
  apiIdUri: `api://clawback.contoso.com/${CLIENT_ID}`,
};
export const BUILD_ARGS = [
  '--base-url',
  SAMPLE.baseUrl,
  '--client-id',
  SAMPLE.clientId,
  '--api-id-uri',
  SAMPLE.apiIdUri,
];

/** An Io that keeps what a command printed. */
export function captureIo(): Io & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (line) => lines.out.push(line), err: (line) => lines.err.push(line) };
}

/** A temporary directory, removed when the test ends. */
export async function tempDir(): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), 'clawback-manifest-'));
  onTestFinished(() => rm(path, { recursive: true, force: true }));
  return path;
}
