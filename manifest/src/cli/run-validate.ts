// `npm run manifest:validate`: checks what manifest:build wrote, offline. The unified manifest against
// the JSON schema shipped in @microsoft/app-manifest, the XML manifest for every element Outlook
// requires, the Teams package's contents and icon sizes, the ribbon icons. One line per problem.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OUTLOOK_ICON_SIZES, OUTPUT_FILES, outlookIconPath } from '../names.js';
import { pngProblems } from '../png-check.js';
import { validateArtifacts } from '../render.js';
import { DEFAULT_OUT_DIR, type Io } from './io.js';

const USAGE = 'usage: npm run manifest:validate -- [--dir <dir>] [--base-url https://<host>]';

export async function runValidate(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { dir: { type: 'string' }, 'base-url': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`manifest:validate: ${(error as Error).message}`);
    io.err(USAGE);
    return 1;
  }
  const dir = resolve(values.dir ?? DEFAULT_OUT_DIR);
  const problems: string[] = [];
  const read = async (name: string) => {
    try {
      return await readFile(join(dir, name));
    } catch {
      problems.push(`${name}: not found in ${dir} (run npm run manifest:build first)`);
      return null;
    }
  };
  // One after the other, so problems are listed in the same order every time.
  const unifiedBytes = await read(OUTPUT_FILES.unified);
  const xmlBytes = await read(OUTPUT_FILES.xml);
  const zip = await read(OUTPUT_FILES.package);
  let unified: unknown;
  if (unifiedBytes) {
    try {
      unified = JSON.parse(unifiedBytes.toString('utf8'));
    } catch (error) {
      problems.push(`${OUTPUT_FILES.unified}: is not JSON (${(error as Error).message})`);
    }
  }
  const context = values['base-url'] ? { baseUrl: values['base-url'].replace(/\/$/, '') } : {};
  problems.push(
    ...(await validateArtifacts(
      { unified, xml: xmlBytes?.toString('utf8'), teamsPackage: zip ? new Uint8Array(zip) : undefined },
      context,
    )),
  );
  for (const size of OUTLOOK_ICON_SIZES) {
    const name = outlookIconPath(size).slice(1);
    const bytes = await read(name);
    if (bytes) problems.push(...pngProblems(bytes, { size }).map((p) => `${name}: ${p}`));
  }
  if (problems.length) {
    for (const problem of problems) io.err(problem);
    io.err(`manifest:validate: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}`);
    return 1;
  }
  io.out(
    `manifest:validate: ${OUTPUT_FILES.unified}, ${OUTPUT_FILES.xml}, ${OUTPUT_FILES.package} and icons are valid`,
  );
  return 0;
}
