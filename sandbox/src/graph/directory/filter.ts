// $filter on directory objects, checked against what Entra indexes: each property supports some
// operators by default and others only in advanced queries; anything else is Graph's own 400.
// Table from "Advanced query capabilities on Microsoft Entra ID objects" (filter-directory-objects).
import { GraphError } from '../../http/errors.js';
import { evaluate, parseFilter, type FilterNode, type Literal } from '../odata-filter.js';
import type { SandboxDirectoryRole, SandboxGroup, SandboxUser } from '../../state/types.js';

type Level = 'default' | 'advanced';
type Capability = 'eq' | 'startsWith' | 'endsWith' | 'range' | 'null';

interface FilterProperty<T> {
  type: 'string' | 'boolean' | 'datetime';
  /** Multi-valued: filtered with any(). */
  collection?: boolean;
  ops: Partial<Record<Capability, Level>>;
  get: (item: T) => unknown;
}

export interface FilterSpec<T> {
  /** As Graph names the resource in its error text: 'User', 'Group'. */
  resource: string;
  properties: Record<string, FilterProperty<T>>;
}

export type Predicate<T> = (item: T) => boolean;

const text = <T>(
  get: (item: T) => unknown,
  ops: Partial<Record<Capability, Level>> = { eq: 'default', startsWith: 'default', null: 'advanced' },
): FilterProperty<T> => ({ type: 'string', ops, get });

export const USER_FILTER: FilterSpec<SandboxUser> = {
  resource: 'User',
  properties: {
    id: text((u: SandboxUser) => u.id, { eq: 'default' }),
    accountEnabled: { type: 'boolean', ops: { eq: 'default' }, get: (u) => u.accountEnabled },
    createdDateTime: {
      type: 'datetime',
      ops: { eq: 'default', range: 'default', null: 'advanced' },
      get: (u) => u.createdDateTime,
    },
    department: text((u: SandboxUser) => u.department),
    displayName: text((u: SandboxUser) => u.displayName),
    givenName: text((u: SandboxUser) => u.givenName),
    jobTitle: text((u: SandboxUser) => u.jobTitle),
    mail: text((u: SandboxUser) => u.mail, {
      eq: 'default',
      startsWith: 'default',
      endsWith: 'advanced',
      null: 'advanced',
    }),
    mailNickname: text((u: SandboxUser) => u.userPrincipalName.split('@')[0]),
    officeLocation: text((u: SandboxUser) => u.officeLocation, {
      eq: 'advanced',
      startsWith: 'advanced',
      null: 'advanced',
    }),
    otherMails: {
      ...text((u: SandboxUser) => (u.userType === 'Guest' && u.mail ? [u.mail] : []), {
        eq: 'default',
        startsWith: 'default',
        endsWith: 'advanced',
      }),
      collection: true,
    },
    proxyAddresses: {
      ...text((u: SandboxUser) => u.proxyAddresses, {
        eq: 'default',
        startsWith: 'default',
        endsWith: 'advanced',
      }),
      collection: true,
    },
    surname: text((u: SandboxUser) => u.surname),
    userPrincipalName: text((u: SandboxUser) => u.userPrincipalName, {
      eq: 'default',
      startsWith: 'default',
      endsWith: 'advanced',
    }),
    userType: text((u: SandboxUser) => u.userType, { eq: 'default', null: 'advanced' }),
  },
};

export const GROUP_FILTER: FilterSpec<SandboxGroup> = {
  resource: 'Group',
  properties: {
    id: text((g: SandboxGroup) => g.id, { eq: 'default' }),
    description: text((g: SandboxGroup) => g.description, {
      eq: 'advanced',
      startsWith: 'advanced',
      null: 'advanced',
    }),
    displayName: text((g: SandboxGroup) => g.displayName),
    groupTypes: { ...text((g: SandboxGroup) => g.groupTypes, { eq: 'default' }), collection: true },
    mail: text((g: SandboxGroup) => g.mail),
    mailEnabled: { type: 'boolean', ops: { eq: 'default' }, get: (g) => g.mailEnabled },
    mailNickname: text((g: SandboxGroup) => g.mailNickname),
    proxyAddresses: {
      ...text((g: SandboxGroup) => g.proxyAddresses, { eq: 'default', startsWith: 'default' }),
      collection: true,
    },
    securityEnabled: { type: 'boolean', ops: { eq: 'default' }, get: (g) => g.securityEnabled },
  },
};

export const ROLE_FILTER: FilterSpec<SandboxDirectoryRole> = {
  resource: 'DirectoryRole',
  properties: {
    id: text((r: SandboxDirectoryRole) => r.id, { eq: 'default' }),
    displayName: text((r: SandboxDirectoryRole) => r.displayName, {
      eq: 'default',
      startsWith: 'advanced',
      null: 'advanced',
    }),
    roleTemplateId: text((r: SandboxDirectoryRole) => r.roleTemplateId, { eq: 'default' }),
  },
};

function unsupportedProperty(spec: FilterSpec<unknown>, property: string): GraphError {
  return new GraphError(
    400,
    'Request_UnsupportedQuery',
    `Unsupported or invalid query filter clause specified for property '${property}' of resource '${spec.resource}'.`,
  );
}

function needsAdvanced(operator: string): GraphError {
  return new GraphError(
    400,
    'Request_UnsupportedQuery',
    `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );
}

function invalidClause(detail: string): GraphError {
  return new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`);
}

/** Parses and checks $filter for a resource; null when the request has none. */
export function directoryFilter<T>(
  raw: string | null,
  spec: FilterSpec<T>,
  advanced: boolean,
): Predicate<T> | null {
  if (raw === null || raw.trim() === '') return null;
  const node = parseFilter(raw);
  const byName = new Map(Object.entries(spec.properties).map(([name, p]) => [name.toLowerCase(), p]));
  const lookup = (path: string[]): FilterProperty<T> | undefined =>
    path.length === 1 ? byName.get(path[0]!.toLowerCase()) : undefined;
  check(node, spec as FilterSpec<unknown>, lookup as never, advanced);
  return (item) => evaluate(node, (path) => lookup(path)?.get(item));
}

function check(
  node: FilterNode,
  spec: FilterSpec<unknown>,
  lookup: (path: string[]) => FilterProperty<unknown> | undefined,
  advanced: boolean,
): void {
  const demand = (property: FilterProperty<unknown> | undefined, name: string, capability: Capability) => {
    const level = property?.ops[capability];
    if (!property || !level) throw unsupportedProperty(spec, name);
    if (level === 'advanced' && !advanced) throw unsupportedProperty(spec, name);
  };
  switch (node.type) {
    case 'and':
    case 'or':
      check(node.left, spec, lookup, advanced);
      check(node.right, spec, lookup, advanced);
      return;
    case 'not':
      if (!advanced) throw needsAdvanced('not');
      check(node.operand, spec, lookup, advanced);
      return;
    case 'compare': {
      const name = node.path.join('/');
      const property = lookup(node.path);
      if (property?.collection) throw unsupportedProperty(spec, name);
      if (node.op === 'ne' && !advanced) throw needsAdvanced('ne');
      const capability: Capability =
        node.value === null ? 'null' : node.op === 'eq' || node.op === 'ne' ? 'eq' : 'range';
      demand(property, name, capability);
      checkLiteral(property!, node.value, name);
      return;
    }
    case 'function': {
      const name = node.path.join('/');
      const property = lookup(node.path);
      if (node.name === 'contains' || property?.collection) throw unsupportedProperty(spec, name);
      if (node.name === 'endswith' && !advanced) throw needsAdvanced('endsWith');
      demand(property, name, node.name === 'endswith' ? 'endsWith' : 'startsWith');
      if (property!.type !== 'string') throw unsupportedProperty(spec, name);
      return;
    }
    case 'any':
      checkLambda(node, spec, lookup(node.path), advanced);
      return;
  }
}

/** `proxyAddresses/any(p:p eq 'smtp:x')`: one comparison or function on the lambda variable itself. */
function checkLambda(
  node: Extract<FilterNode, { type: 'any' }>,
  spec: FilterSpec<unknown>,
  property: FilterProperty<unknown> | undefined,
  advanced: boolean,
): void {
  const name = node.path.join('/');
  if (!property?.collection) throw unsupportedProperty(spec, name);
  const inner = node.predicate;
  const onVariable = (path: string[]) => path.length === 1 && path[0] === node.variable;
  let capability: Capability;
  if (inner.type === 'compare' && onVariable(inner.path) && (inner.op === 'eq' || inner.op === 'ne')) {
    if (inner.op === 'ne' && !advanced) throw needsAdvanced('ne');
    if (typeof inner.value !== 'string') throw invalidClause(`${name} holds strings.`);
    capability = 'eq';
  } else if (inner.type === 'function' && onVariable(inner.path) && inner.name !== 'contains') {
    if (inner.name === 'endswith' && !advanced) throw needsAdvanced('endsWith');
    capability = inner.name === 'endswith' ? 'endsWith' : 'startsWith';
  } else {
    throw unsupportedProperty(spec, name);
  }
  const level = property.ops[capability];
  if (!level || (level === 'advanced' && !advanced)) throw unsupportedProperty(spec, name);
}

/** A boolean compared with 'true' (quoted) is Graph's "Invalid filter clause", not a silent miss. */
function checkLiteral(property: FilterProperty<unknown>, value: Literal, name: string): void {
  if (value === null) return;
  const ok =
    property.type === 'boolean'
      ? typeof value === 'boolean'
      : property.type === 'datetime'
        ? value instanceof Date
        : typeof value === 'string';
  if (!ok) throw invalidClause(`'${name}' is compared with a ${describe(value)}.`);
}

function describe(value: Literal): string {
  if (value instanceof Date) return 'date';
  return typeof value === 'string' ? 'string literal' : typeof value;
}
