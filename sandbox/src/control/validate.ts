// Small input checks for the control API: it is a test tool, but a typo in a test should fail
// loudly with the field named, not silently do something else.
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Body = Record<string, unknown>;

export function bodyOf(body: unknown): Body {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new ControlError(400, 'the body must be a JSON object');
  return body as Body;
}

export function onlyKeys(body: Body, allowed: string[]): void {
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) throw new ControlError(400, `unknown field '${key}'`);
}

export function optionalString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '')
    throw new ControlError(400, `'${key}' must be a non-empty string`);
  return value;
}

export function requiredString(body: Body, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined) throw new ControlError(400, `'${key}' is required`);
  return value;
}

export function optionalInteger(body: Body, key: string, min: number, max: number): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ControlError(400, `'${key}' must be an integer from ${min} to ${max}`);
  return value;
}

export function stringList(body: Body, key: string, required = false): string[] | undefined {
  const value = body[key];
  if (value === undefined) {
    if (required) throw new ControlError(400, `'${key}' is required`);
    return undefined;
  }
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || v === ''))
    throw new ControlError(400, `'${key}' must be a string or a list of strings`);
  return list as string[];
}
