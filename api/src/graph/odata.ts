// Escaping for everything user-supplied that reaches Graph: OData string literals in $filter, and
// path segments. Nothing from a request is spliced into a Graph URL any other way.

/** An OData string literal: single quotes doubled, then wrapped in quotes (not yet URL-encoded). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A query string from OData options, every value URL-encoded (spaces as %20, as Graph expects). */
export function odataQuery(options: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A Graph path with every interpolated value encoded as one path segment. */
export function graphPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((path, part, index) => {
    const value = index < values.length ? encodeURIComponent(String(values[index])) : '';
    return path + part + value;
  }, '');
}
