// The unified manifest's JSON schema, read from the copy @microsoft/app-manifest ships. Validation
// always passes it explicitly: given no schema, the package would fetch the $schema URL.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UNIFIED_SCHEMA_VERSION } from '../names.js';

export type JsonSchema = Record<string, unknown>;

const cache = new Map<string, JsonSchema>();

export function bundledSchemaPath(version = UNIFIED_SCHEMA_VERSION): string {
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  return join(
    dirname(packageJson),
    'build',
    'json-schemas',
    'teams',
    `v${version}`,
    'MicrosoftTeams.schema.json',
  );
}

export function loadBundledSchema(version = UNIFIED_SCHEMA_VERSION): JsonSchema {
  const cached = cache.get(version);
  if (cached) return cached;
  // The published schemas contain "\a" and "\v" escapes, which JSON does not allow; the package
  // rewrites them the same way before parsing.
  const raw = readFileSync(bundledSchemaPath(version), 'utf8')
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as JsonSchema;
  cache.set(version, schema);
  return schema;
}
