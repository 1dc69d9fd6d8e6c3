// `npm run manifest:build -- --base-url https://… --client-id … --api-id-uri api://…/…`: renders the
// unified manifest, the XML manifest, the Teams app package and the ribbon icons into manifest/dist,
// after validating them, so an invalid package is never written.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { outlookIcons } from '../icons.js';
import { OUTPUT_FILES, outlookIconPath } from '../names.js';
import { ManifestOptionsError } from '../options.js';
import { renderArtifacts, validateArtifacts, type Artifacts } from '../render.js';
import { DEFAULT_OUT_DIR, type Io } from './io.js';

const USAGE = `usage: npm run manifest:build -- --base-url https://<host> --client-id <GUID> --api-id-uri api://<host>/<GUID>
       [--app-version x.y.z] [--app-name Clawback] [--teams-only] [--out-dir <dir>]
   or: npm run manifest:build -- --icons-only --out-dir <dir>   (the icons the deployment serves under /icons/)`;

export async function runBuild(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        'client-id': { type: 'string' },
        'api-id-uri': { type: 'string' },
        'app-version': { type: 'string' },
        'app-name': { type: 'string' },
        'teams-only': { type: 'boolean', default: false },
        'icons-only': { type: 'boolean', default: false },
        'out-dir': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`manifest:build: ${(error as Error).message}`);
    io.err(USAGE);
    return 1;
  }
  if (values['icons-only']) return writeIcons(resolve(values['out-dir'] ?? DEFAULT_OUT_DIR), io);
  const missing = (['base-url', 'client-id', 'api-id-uri'] as const).filter((name) => !values[name]);
  if (missing.length) {
    for (const name of missing) io.err(`manifest:build: --${name} is required`);
    io.err(USAGE);
    return 1;
  }
  let artifacts: Artifacts;
  try {
    artifacts = renderArtifacts({
      baseUrl: values['base-url']!,
      clientId: values['client-id']!,
      apiIdUri: values['api-id-uri']!,
      appVersion: values['app-version'],
      appName: values['app-name'],
      outlook: !values['teams-only'],
    });
  } catch (error) {
    if (!(error instanceof ManifestOptionsError)) throw error;
    for (const problem of error.problems) io.err(`manifest:build: ${asFlag(problem)}`);
    return 1;
  }
  const problems = await validateArtifacts(artifacts, { baseUrl: artifacts.options.baseUrl });
  if (problems.length) {
    for (const problem of problems) io.err(problem);
    return 1;
  }
  const outDir = resolve(values['out-dir'] ?? DEFAULT_OUT_DIR);
  const written = await write(artifacts, outDir);
  io.out(`Clawback manifests for ${artifacts.options.baseUrl} (version ${artifacts.options.appVersion}):`);
  for (const file of written) io.out(`  ${relative(process.cwd(), file) || file}`);
  io.out(
    `Serve the icons at ${artifacts.options.baseUrl}/icons/, then install as docs/setup-entra.md describes.`,
  );
  return 0;
}

/** The ribbon and add-in icons alone: they do not depend on the deployment, so a build can serve them. */
async function writeIcons(outDir: string, io: Io): Promise<number> {
  await mkdir(join(outDir, OUTPUT_FILES.icons), { recursive: true });
  for (const [size, png] of outlookIcons()) {
    const path = join(outDir, outlookIconPath(size).slice(1));
    await writeFile(path, png);
    io.out(`  ${relative(process.cwd(), path) || path}`);
  }
  return 0;
}

/** Options are named as the renderer calls them; on the command line, name the flag instead. */
function asFlag(problem: string): string {
  return problem.replace(
    /^(baseUrl|clientId|apiIdUri|appVersion|appName)\b/,
    (name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  );
}

async function write(artifacts: Artifacts, outDir: string): Promise<string[]> {
  await mkdir(join(outDir, OUTPUT_FILES.icons), { recursive: true });
  const files: [string, string | Uint8Array][] = [
    [OUTPUT_FILES.unified, `${JSON.stringify(artifacts.unified, null, 2)}\n`],
    [OUTPUT_FILES.xml, artifacts.xml],
    [OUTPUT_FILES.package, artifacts.teamsPackage],
    ...[...artifacts.outlookIcons].map(([size, png]): [string, Uint8Array] => [
      outlookIconPath(size).slice(1),
      png,
    ]),
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
