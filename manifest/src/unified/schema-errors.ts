// Turns the schema validator's messages ("/path must match pattern ... Details: {...}") into one
// readable line each, and drops the duplicates that alternative schema branches produce.

const HTTPS_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]://';
const HTTP_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';

export function readableSchemaErrors(raw: string[], file: string): string[] {
  const lines = raw.map((message) => `${file}: ${readable(message)}`);
  return [...new Set(lines)];
}

function readable(message: string): string {
  const match = /^(?<path>\S*) (?<text>.*?)\.(?: Details: (?<details>.*))?$/s.exec(message);
  if (!match?.groups) return message;
  const path = match.groups.path || '/';
  const text = match.groups.text!;
  const params = parseDetails(match.groups.details);
  return `${path} ${describe(text, params)}`;
}

function describe(text: string, params: Record<string, unknown>): string {
  if (params.pattern === HTTPS_PATTERN) return 'must be https';
  if (params.pattern === HTTP_PATTERN) return 'must be an http(s) URL';
  if (typeof params.pattern === 'string' && params.pattern.includes('[0-9a-fA-F]{8}'))
    return 'must be a GUID';
  if (typeof params.additionalProperty === 'string')
    return `must not have property "${params.additionalProperty}"`;
  if ('allowedValue' in params) return `must be ${JSON.stringify(params.allowedValue)}`;
  if (Array.isArray(params.allowedValues))
    return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return text;
}

function parseDetails(details: string | undefined): Record<string, unknown> {
  if (!details) return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
