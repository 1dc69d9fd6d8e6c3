import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../manifest/src/cli/run-build.js';
import { runValidate } from '../../../manifest/src/cli/run-validate.js';
import { renderArtifacts, validateArtifacts } from '../../../manifest/src/index.js';
import { BASE_URL, BUILD_ARGS, CLIENT_ID, SAMPLE, captureIo, tempDir } from './helpers.js';

describe('building the manifests for a deployment', () => {
  it('renders a unified manifest, an XML manifest and a package that all validate', async () => {
    const artifacts = renderArtifacts(SAMPLE);
    expect(await validateArtifacts(artifacts, { baseUrl: BASE_URL })).toEqual([]);
    expect(await validateArtifacts(artifacts)).toEqual([]);
    expect(artifacts.unified).toMatchObject({
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
      manifestVersion: '1.30',
      version: '1.0.0',
      name: { short: 'Clawback' },
      validDomains: ['clawback.contoso.com'],
      webApplicationInfo: { id: CLIENT_ID, resource: SAMPLE.apiIdUri },
      staticTabs: [{ contentUrl: `${BASE_URL}/admin.html`, scopes: ['personal'] }],
      configurableTabs: [{ configurationUrl: `${BASE_URL}/admin.html`, scopes: ['team', 'groupChat'] }],
    });
  });

  it('wires the Outlook extension to the task pane and the command page', () => {
    const [extension] = renderArtifacts(SAMPLE).unified.extensions!;
    expect(extension!.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });
    const runtimes = extension!.runtimes!.map((r) => ({
      page: r.code.page,
      actions: r.actions!.map((a) => [a.id, a.type]),
    }));
    expect(runtimes).toEqual([
      { page: `${BASE_URL}/taskpane.html`, actions: [['openClawback', 'openPage']] },
      {
        page: `${BASE_URL}/commands.html`,
        actions: [
          ['reportPhishing', 'executeFunction'],
          ['reportJunk', 'executeFunction'],
          ['reportNotJunk', 'executeFunction'],
        ],
      },
    ]);
    const group = extension!.ribbons![0]!.tabs[0]!.groups![0]!;
    const [menu, button] = group.controls!;
    expect(menu).toMatchObject({ type: 'menu', label: 'Report' });
    expect(menu!.items!.map((item) => [item.label, item.actionId])).toEqual([
      ['Phishing', 'reportPhishing'],
      ['Junk', 'reportJunk'],
      ['Not junk', 'reportNotJunk'],
    ]);
    expect(button).toMatchObject({ type: 'button', label: 'Clawback', actionId: 'openClawback' });
  });

  it('leaves the Outlook extension out of a Teams-only package, which still validates', async () => {
    const artifacts = renderArtifacts({ ...SAMPLE, outlook: false });
    expect(artifacts.unified.extensions).toBeUndefined();
    expect(
      await validateArtifacts({ unified: artifacts.unified, teamsPackage: artifacts.teamsPackage }),
    ).toEqual([]);
  });

  it('keeps the app ids stable for one app registration, and distinct between the two manifests', () => {
    const first = renderArtifacts(SAMPLE).options;
    const again = renderArtifacts({ ...SAMPLE, appVersion: '2.0.0', baseUrl: `${BASE_URL}/` }).options;
    const other = renderArtifacts({
      ...SAMPLE,
      clientId: 'd2b6c1f3-4e80-4f9a-87b2-0a3d5e9f8c46',
      apiIdUri: 'api://clawback.contoso.com/d2b6c1f3-4e80-4f9a-87b2-0a3d5e9f8c46',
    }).options;
    expect(again.unifiedAppId).toBe(first.unifiedAppId);
    expect(again.xmlAddinId).toBe(first.xmlAddinId);
    expect(first.unifiedAppId).not.toBe(first.xmlAddinId);
    expect(other.unifiedAppId).not.toBe(first.unifiedAppId);
  });

  it('writes manifest/dist-style output from the command line, which then validates', async () => {
    const dir = await tempDir();
    const build = captureIo();
    expect(await runBuild([...BUILD_ARGS, '--app-version', '1.2.3', '--out-dir', dir], build)).toBe(0);
    expect(build.lines.err).toEqual([]);
    const unified = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(unified.version).toBe('1.2.3');
    expect(await readFile(join(dir, 'outlook.xml'), 'utf8')).toContain('<Version>1.2.3.0</Version>');

    const validate = captureIo();
    expect(await runValidate(['--dir', dir, '--base-url', BASE_URL], validate)).toBe(0);
    expect(validate.lines.err).toEqual([]);
    expect(validate.lines.out.join('\n')).toMatch(/valid/);
  });

  it('refuses bad options, one line per problem, naming the flag', async () => {
    const dir = await tempDir();
    const io = captureIo();
    const code = await runBuild(
      [
        '--base-url',
        'http://clawback.contoso.com',
        '--client-id',
        'not-a-guid',
        '--api-id-uri',
        'x',
        '--out-dir',
        dir,
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.lines.err).toEqual([
      'manifest:build: --base-url must be https (got "http://clawback.contoso.com")',
      'manifest:build: --client-id must be a GUID (got "not-a-guid")',
    ]);
  });

  it('refuses an App ID URI that does not name the host and the client id', async () => {
    const io = captureIo();
    const args = BUILD_ARGS.map((arg) => (arg === SAMPLE.apiIdUri ? `api://${CLIENT_ID}` : arg));
    expect(await runBuild(args, io)).toBe(1);
    expect(io.lines.err).toEqual([
      `manifest:build: --api-id-uri must be api://<host of the base URL>/<client id>, i.e. ${SAMPLE.apiIdUri} (got "api://${CLIENT_ID}")`,
    ]);
  });
});
