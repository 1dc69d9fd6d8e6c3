import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../../manifest/src/cli/run-build.js';
import { runValidate } from '../../../manifest/src/cli/run-validate.js';
import { renderArtifacts, validateArtifacts, validateUnifiedManifest } from '../../../manifest/src/index.js';
import { BUILD_ARGS, SAMPLE, captureIo, tempDir } from './helpers.js';

// Validation must run in CI with no network: anything that tries to fetch fails the test.
const realFetch = globalThis.fetch;
let fetched: string[] = [];

beforeEach(() => {
  fetched = [];
  globalThis.fetch = (async (input: string | URL | Request) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    throw new Error('no network in this test');
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('offline validation', () => {
  it('validates every artifact without fetching anything', async () => {
    const artifacts = renderArtifacts(SAMPLE);
    expect(await validateArtifacts(artifacts)).toEqual([]);
    expect(fetched).toEqual([]);
  });

  it('builds and validates from the command line without fetching anything', async () => {
    const dir = await tempDir();
    expect(await runBuild([...BUILD_ARGS, '--out-dir', dir], captureIo())).toBe(0);
    expect(await runValidate(['--dir', dir], captureIo())).toBe(0);
    expect(fetched).toEqual([]);
  });

  it('does not fetch a schema the package does not ship: the bundled one applies', async () => {
    const manifest = structuredClone(renderArtifacts(SAMPLE).unified) as unknown as Record<string, unknown>;
    manifest.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json';
    manifest.manifestVersion = '1.99';
    expect(await validateUnifiedManifest(manifest)).toEqual([
      'manifest.json: /manifestVersion must be "1.30"',
    ]);
    expect(fetched).toEqual([]);
  });
});
