// Query options on mail resources: each route names what it implements. An option Graph supports
// there but the sandbox does not answers 501, one Graph itself refuses answers 400, and a
// dollar-less system option (which Graph v1.0 would honour) is refused rather than ignored.
import { GraphError } from '../../http/errors.js';
import type { SandboxRequest } from '../../http/types.js';

const SYSTEM_OPTIONS = [
  'select',
  'filter',
  'top',
  'skip',
  'orderby',
  'search',
  'expand',
  'count',
  'skiptoken',
  'deltatoken',
  'format',
];

export interface OptionRules {
  /** `$` options the handler implements. */
  implemented: readonly string[];
  /** `$` options Graph accepts on this resource but the sandbox does not implement (→ 501). */
  graphOnly?: readonly string[];
  /** Custom (dollar-less) parameters the resource takes, e.g. includeHiddenFolders. */
  custom?: readonly string[];
}

export function checkQueryOptions(request: SandboxRequest, rules: OptionRules): void {
  for (const rawKey of new Set(request.query.keys())) {
    const key = rawKey.toLowerCase();
    if (key.startsWith('$')) {
      if (rules.implemented.includes(key)) continue;
      if (rules.graphOnly?.includes(key))
        throw new GraphError(
          501,
          'NotImplemented',
          `The sandbox does not implement the query option '${rawKey}' on this resource.`,
        );
      throw new GraphError(400, 'BadRequest', `Query option '${rawKey}' is not allowed on this resource.`);
    }
    if (rules.custom?.some((name) => name.toLowerCase() === key)) continue;
    if (SYSTEM_OPTIONS.includes(key))
      throw new GraphError(
        501,
        'NotImplemented',
        `The sandbox takes system query options only with their '$' prefix: write '$${key}'.`,
      );
    throw new GraphError(400, 'BadRequest', `The query parameter '${rawKey}' is not supported.`);
  }
}

/** A query option by case-insensitive name. */
export function queryOption(request: SandboxRequest, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of request.query) if (key.toLowerCase() === wanted) return value;
  return null;
}

/** `$top` within [1, max]; Exchange's limits, not the directory's. */
export function pageSize(request: SandboxRequest, fallback: number, max: number): number {
  const raw = queryOption(request, '$top');
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max)
    throw new GraphError(
      400,
      'ErrorInvalidUrlQuery',
      `The value '${raw}' of the '$top' query option is invalid; it must be from 1 to ${max}.`,
    );
  return value;
}
