// Delta queries on users and groups. A round walks the objects in change (seq) order from a cursor:
// an object changed after it was returned moves past the cursor and is returned again with its new
// state; one changed before the cursor reached it is returned once; nothing is lost when the
// directory changes between pages. The deltaLink's token is the sequence number the round ended at,
// so the next round returns exactly what changed since. Options given on the first request live in
// the tokens, as Graph's do.
import { GraphError } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import type { TenantState } from '../../state/tenant.js';
import { odataJson, versionlessPath } from '../odata.js';
import { parseFilter, type FilterNode } from '../odata-filter.js';
import type { GraphContext } from '../registry.js';
import {
  directoryIndex,
  firstAfter,
  tenantEpoch,
  type ChangeEntry,
  type DirectoryIndex,
} from './directory-index.js';
import { selectionOf, type Selection } from './query.js';

const DEFAULT_PAGE = 100;
const MAX_FILTER_IDS = 50;

export interface DeltaState {
  /** Tenant instance. */
  e: string;
  /** Collection: 'users' or 'groups'. */
  k: string;
  /** 's' for a $skiptoken, 'd' for a $deltatoken. */
  t: 's' | 'd';
  /** Changes after this seq belong to the round (0 for the initial full round). */
  s: number;
  /** Initial round only: the seq it started at (earlier deletions were never seen by the client). */
  r: number | null;
  /** Last seq already walked in this round. */
  c: number;
  n: number;
  sel: string | null;
  ids: string[] | null;
  /** Group delta: include members@delta. */
  m: boolean;
}

export interface DeltaResource<T> {
  collection: 'users' | 'groups';
  resourceName: string;
  typeName: string;
  known: ReadonlyMap<string, string>;
  log: (index: DirectoryIndex) => readonly ChangeEntry[];
  find: (tenant: TenantState, id: string) => T | undefined;
  render: (
    item: T,
    selection: Selection | null,
    state: DeltaState,
    tenant: TenantState,
  ) => Record<string, unknown>;
  /** Reads resource-specific first-request options ($select extras, $expand) into the state. */
  initial: (request: SandboxRequest) => { select: string | null; members: boolean };
}

export function deltaHandler<T>(resource: DeltaResource<T>) {
  return (request: SandboxRequest, context: GraphContext): SandboxResponse => {
    const tenant = context.sandbox.tenant;
    const state = startState(request, context, resource);
    if (state === 'latest')
      return finish(request, context, resource, [], latestState(request, tenant, resource));
    const size = context.prefer.maxPageSize
      ? Math.min(Math.max(context.prefer.maxPageSize, 1), 999)
      : state.n;
    const selection = selectionOf(state.sel, resource.known, resource.typeName);
    const ids = state.ids ? new Set(state.ids) : null;
    const log = resource.log(directoryIndex(tenant));
    const values: Record<string, unknown>[] = [];
    let cursor = state.c;
    let i = firstAfter(log, cursor);
    for (; i < log.length && values.length < size; i += 1) {
      const entry = log[i]!;
      cursor = entry.seq;
      if (ids && !ids.has(entry.id)) continue;
      if (entry.removed) {
        if (state.r === null || entry.seq > state.r)
          values.push({ id: entry.id, '@removed': { reason: 'deleted' } });
        continue;
      }
      const item = resource.find(tenant, entry.id);
      if (item) values.push(resource.render(item, selection, state, tenant));
    }
    const next: DeltaState =
      i >= log.length
        ? { ...state, t: 'd', s: tenant.currentSeq, r: null, c: tenant.currentSeq, n: size }
        : { ...state, t: 's', c: cursor, n: size };
    return finish(request, context, resource, values, next);
  };
}

function finish<T>(
  request: SandboxRequest,
  context: GraphContext,
  resource: DeltaResource<T>,
  values: unknown[],
  next: DeltaState,
): SandboxResponse {
  const token = Buffer.from(JSON.stringify(next)).toString('base64url');
  const link = `${context.baseUrl}${versionlessPath(request.path)}?${next.t === 'd' ? '$deltatoken' : '$skiptoken'}=${token}`;
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${resource.collection}${next.sel ? `(${next.sel})` : ''}`,
    [next.t === 'd' ? '@odata.deltaLink' : '@odata.nextLink']: link,
    value: values,
  });
}

/** The round this request continues or starts. */
function startState<T>(
  request: SandboxRequest,
  context: GraphContext,
  resource: DeltaResource<T>,
): DeltaState | 'latest' {
  const tenant = context.sandbox.tenant;
  const skipToken = request.query.get('$skiptoken');
  const deltaToken = request.query.get('$deltatoken');
  if (skipToken === null && (deltaToken === null || deltaToken === 'latest')) {
    if (deltaToken === 'latest') return 'latest';
    const first = firstRequest(request, resource);
    return {
      e: tenantEpoch(tenant),
      k: resource.collection,
      t: 's',
      s: 0,
      r: tenant.currentSeq,
      c: 0,
      ...first,
    };
  }
  for (const key of request.query.keys())
    if (key.startsWith('$') && key !== '$skiptoken' && key !== '$deltatoken')
      throw new GraphError(
        400,
        'Request_BadRequest',
        `Query option '${key}' cannot be combined with a state token; follow the nextLink or deltaLink as returned.`,
      );
  const token = readToken(skipToken ?? deltaToken!, skipToken !== null ? 's' : 'd', resource.collection);
  if (token.e !== tenantEpoch(tenant))
    throw new GraphError(
      410,
      'resyncRequired',
      'The delta token is no longer valid; start a new sync without a token.',
    );
  // A deltaLink starts a new, incremental round from where the last one ended.
  return token.t === 'd' ? { ...token, t: 's', r: null, c: token.s } : token;
}

function latestState<T>(
  request: SandboxRequest,
  tenant: TenantState,
  resource: DeltaResource<T>,
): DeltaState {
  const first = firstRequest(request, resource);
  return {
    e: tenantEpoch(tenant),
    k: resource.collection,
    t: 'd',
    s: tenant.currentSeq,
    r: null,
    c: tenant.currentSeq,
    ...first,
  };
}

function firstRequest<T>(
  request: SandboxRequest,
  resource: DeltaResource<T>,
): Pick<DeltaState, 'n' | 'sel' | 'ids' | 'm'> {
  for (const key of request.query.keys()) {
    if (!key.startsWith('$') || ['$select', '$filter', '$deltatoken', '$expand'].includes(key)) continue;
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `Query option '${key}' is not supported on ${resource.collection}/delta.`,
    );
  }
  const { select, members } = resource.initial(request);
  // Validate now, so a bad $select fails on the first request rather than on a later page.
  selectionOf(select, resource.known, resource.typeName);
  return {
    n: DEFAULT_PAGE,
    sel: select,
    ids: idFilter(request.query.get('$filter'), resource.resourceName),
    m: members,
  };
}

/** Delta accepts only `id eq '...'` terms joined by `or` (at most 50). */
function idFilter(raw: string | null, resourceName: string): string[] | null {
  if (raw === null || raw.trim() === '') return null;
  const ids: string[] = [];
  const walk = (node: FilterNode): void => {
    if (node.type === 'or') {
      walk(node.left);
      walk(node.right);
    } else if (
      node.type === 'compare' &&
      node.op === 'eq' &&
      node.path.length === 1 &&
      node.path[0]!.toLowerCase() === 'id' &&
      typeof node.value === 'string'
    ) {
      ids.push(node.value.toLowerCase());
    } else {
      const property =
        node.type === 'compare' || node.type === 'function' || node.type === 'any'
          ? node.path.join('/')
          : node.type;
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resourceName}'.`,
      );
    }
  };
  walk(parseFilter(raw));
  if (ids.length > MAX_FILTER_IDS)
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `A delta filter can name at most ${MAX_FILTER_IDS} objects.`,
    );
  return ids;
}

function readToken(raw: string, kind: 's' | 'd', collection: string): DeltaState {
  let token: Partial<DeltaState>;
  try {
    token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<DeltaState>;
  } catch {
    token = {};
  }
  if (
    token?.k !== collection ||
    token.t !== kind ||
    typeof token.s !== 'number' ||
    typeof token.c !== 'number'
  )
    throw new GraphError(
      400,
      'Request_BadRequest',
      `The ${kind === 's' ? '$skiptoken' : '$deltatoken'} is invalid for this request.`,
    );
  return token as DeltaState;
}
