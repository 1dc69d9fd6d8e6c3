// Query options as the directory (Entra) side of Graph reads them: $select with its own error text,
// "advanced queries" (ConsistencyLevel: eventual + $count=true), and $search's header requirement.
import { GraphError, graphErrors } from '../../http/errors.js';
import type { SandboxRequest } from '../../http/types.js';

export interface Selection {
  /** As the client wrote it, for @odata.context. */
  raw: string;
  /** Graph's spelling of each selected property. */
  names: string[];
}

/** Parses $select; an unknown property is Graph's 400, naming the type. */
export function parseSelection(
  request: SandboxRequest,
  known: ReadonlyMap<string, string>,
  typeName: string,
): Selection | null {
  return selectionOf(request.query.get('$select'), known, typeName);
}

/** The same, from a $select string carried in a delta token. */
export function selectionOf(
  raw: string | null,
  known: ReadonlyMap<string, string>,
  typeName: string,
): Selection | null {
  if (raw === null || raw.trim() === '') return null;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const canonical = known.get(name.toLowerCase());
      if (!canonical)
        throw new GraphError(
          400,
          'Request_BadRequest',
          `Could not find a property named '${name}' on type '${typeName}'.`,
        );
      return canonical;
    });
  return { raw, names: [...new Set(names)] };
}

/**
 * The properties a response carries: the selected ones (those the object's type has), else the
 * type's defaults. Graph does not add `id` to a $select that lacks it, except in delta responses.
 */
export function project(
  resource: Record<string, unknown>,
  defaults: readonly string[] | null,
  selection: Selection | null,
  options: { odataType?: string; alwaysId?: boolean } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (options.odataType) out['@odata.type'] = options.odataType;
  const names = selection?.names ?? defaults ?? Object.keys(resource);
  for (const name of names) if (name in resource) out[name] = resource[name];
  if (options.alwaysId && !('id' in out)) out.id = resource.id;
  return out;
}

/** `users(displayName,mail)/$entity` and friends. */
export function contextFragment(set: string, selection: Selection | null, entity = false): string {
  return `${set}${selection ? `(${selection.raw})` : ''}${entity ? '/$entity' : ''}`;
}

/**
 * Advanced query mode needs both the header and $count=true. Without the header, Graph silently
 * ignores $count=true on a collection (documented), so the caller just gets no @odata.count.
 */
export function advancedQuery(request: SandboxRequest): { advanced: boolean; count: boolean } {
  const eventual = request.headers.consistencylevel?.trim().toLowerCase() === 'eventual';
  const countParam = request.query.get('$count');
  if (countParam !== null && countParam !== 'true' && countParam !== 'false')
    throw new GraphError(400, 'Request_BadRequest', `Invalid value '${countParam}' for $count.`);
  const count = countParam === 'true';
  return { advanced: eventual && count, count: eventual && count };
}

/** $search needs ConsistencyLevel (Graph's error); with it, the sandbox says it does not do search. */
export function refuseSearch(request: SandboxRequest): void {
  if (request.query.get('$search') === null) return;
  if (request.headers.consistencylevel?.trim().toLowerCase() !== 'eventual')
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  throw graphErrors.notImplemented('$search on directory objects');
}

/** Options the sandbox does not model on a directory resource answer 501, never a wrong list. */
export function refuseUnmodelled(request: SandboxRequest, options: readonly string[]): void {
  for (const option of options)
    if (request.query.get(option) !== null)
      throw graphErrors.notImplemented(`${option} on ${request.path.split('?')[0]}`);
}
