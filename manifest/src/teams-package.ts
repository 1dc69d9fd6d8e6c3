// The Teams app package: manifest.json and the two icons at the root of a zip, which is what Teams
// admin center, Microsoft 365 admin center (Integrated apps) and Teams' "Upload a custom app" accept.
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { colorIcon, outlineIcon } from './icons.js';
import { OUTPUT_FILES, PACKAGE_FILES } from './names.js';
import { pngProblems } from './png-check.js';
import type { UnifiedManifest } from './unified/manifest.js';
import { validateUnifiedManifest } from './unified/validate.js';

// A fixed timestamp keeps the package byte-for-byte reproducible for the same inputs.
const ZIP_TIME = new Date('2024-01-01T00:00:00');

export function teamsPackage(manifest: UnifiedManifest): Uint8Array {
  return zipSync(
    {
      [PACKAGE_FILES.manifest]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      [PACKAGE_FILES.color]: colorIcon(),
      [PACKAGE_FILES.outline]: outlineIcon(),
    },
    { level: 9, mtime: ZIP_TIME },
  );
}

/** Teams: a 192-pixel colour icon, and a 32-pixel outline icon in white on transparent. */
export const ICON_RULES = {
  color: { size: 192 },
  outline: { size: 32, whiteOnly: true },
} as const;

export async function validateTeamsPackage(
  zip: Uint8Array,
  context: { baseUrl?: string } = {},
): Promise<string[]> {
  const file = OUTPUT_FILES.package;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    return [`${file}: is not a zip archive (${(error as Error).message})`];
  }
  const problems: string[] = [];
  for (const name of Object.keys(entries))
    if (name.includes('/')) problems.push(`${file}: ${name} must be at the root of the package`);
  const manifestBytes = entries[PACKAGE_FILES.manifest];
  if (!manifestBytes) return [...problems, `${file}: must contain ${PACKAGE_FILES.manifest} at its root`];
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch (error) {
    return [...problems, `${file}: ${PACKAGE_FILES.manifest} is not JSON (${(error as Error).message})`];
  }
  problems.push(
    ...(await validateUnifiedManifest(manifest, { ...context, file: `${file}/${PACKAGE_FILES.manifest}` })),
  );
  const icons = (manifest as { icons?: { color?: unknown; outline?: unknown } }).icons ?? {};
  for (const kind of ['color', 'outline'] as const) {
    const name = icons[kind];
    if (typeof name !== 'string') continue;
    const bytes = entries[name];
    if (!bytes) problems.push(`${file}: must contain ${name}, the ${kind} icon the manifest names`);
    else problems.push(...pngProblems(bytes, ICON_RULES[kind]).map((p) => `${file}/${name}: ${p}`));
  }
  return problems;
}
