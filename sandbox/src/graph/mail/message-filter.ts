// $filter and $orderby on message lists: the subset Clawback relies on, each term checked against
// what it may compare, and Exchange's InefficientFilter rule for combining the two.
import { GraphError } from '../../http/errors.js';
import type { StoredMessage } from '../../state/types.js';
import { evaluate, parseFilter, type FilterNode, type Literal } from '../odata-filter.js';
import { hasAttachments } from './message-shape.js';

type Kind = 'string' | 'datetime' | 'boolean';

interface Property {
  name: string;
  kind: Kind;
  read: (message: StoredMessage) => string | boolean;
  /** Operators $filter may use on it; empty = $orderby only. */
  filterOps: readonly string[];
}

const EQ = ['eq'] as const;
const RANGE = ['ge', 'gt', 'le', 'lt'] as const;

const PROPERTIES: Property[] = [
  { name: 'internetMessageId', kind: 'string', read: (m) => m.internetMessageId, filterOps: EQ },
  { name: 'receivedDateTime', kind: 'datetime', read: (m) => m.receivedDateTime, filterOps: RANGE },
  { name: 'sentDateTime', kind: 'datetime', read: (m) => m.sentDateTime, filterOps: [] },
  { name: 'createdDateTime', kind: 'datetime', read: (m) => m.createdDateTime, filterOps: [] },
  { name: 'lastModifiedDateTime', kind: 'datetime', read: (m) => m.lastModifiedDateTime, filterOps: [] },
  { name: 'from/emailAddress/address', kind: 'string', read: (m) => m.from.address, filterOps: EQ },
  { name: 'from/emailAddress/name', kind: 'string', read: (m) => m.from.name, filterOps: [] },
  { name: 'sender/emailAddress/address', kind: 'string', read: (m) => m.sender.address, filterOps: EQ },
  { name: 'subject', kind: 'string', read: (m) => m.subject, filterOps: EQ },
  { name: 'importance', kind: 'string', read: (m) => m.importance, filterOps: [] },
  { name: 'isRead', kind: 'boolean', read: (m) => m.isRead, filterOps: EQ },
  { name: 'hasAttachments', kind: 'boolean', read: (m) => hasAttachments(m), filterOps: EQ },
];

const BY_NAME = new Map(PROPERTIES.map((p) => [p.name.toLowerCase(), p]));

const SUPPORTED =
  "internetMessageId eq, receivedDateTime ge|gt|le|lt, from/emailAddress/address eq, sender/emailAddress/address eq, subject eq, isRead eq, hasAttachments eq, joined with 'and'";

function unsupported(detail: string): GraphError {
  return new GraphError(
    400,
    'BadRequest',
    `Invalid filter clause: ${detail}. The sandbox supports ${SUPPORTED}.`,
  );
}

function literalKind(value: Literal): Kind | 'null' | 'number' {
  if (value instanceof Date) return 'datetime';
  if (value === null) return 'null';
  return typeof value as 'string' | 'boolean' | 'number';
}

export interface MessageFilter {
  node: FilterNode;
  /** Property names in the order they first appear, for the InefficientFilter rule. */
  properties: string[];
}

export function parseMessageFilter(raw: string | null): MessageFilter | null {
  if (raw === null || raw.trim() === '') return null;
  const node = parseFilter(raw);
  const properties: string[] = [];
  const check = (current: FilterNode): void => {
    if (current.type === 'and') {
      check(current.left);
      check(current.right);
      return;
    }
    if (current.type !== 'compare') throw unsupported(`'${current.type}' is not supported`);
    const name = current.path.join('/');
    const property = BY_NAME.get(name.toLowerCase());
    if (!property || property.filterOps.length === 0) throw unsupported(`'${name}' cannot be filtered on`);
    if (!property.filterOps.includes(current.op))
      throw unsupported(`'${current.op}' is not supported on '${property.name}'`);
    if (literalKind(current.value) !== property.kind)
      throw unsupported(`'${property.name}' compares with a ${property.kind} literal`);
    if (!properties.includes(property.name)) properties.push(property.name);
  };
  check(node);
  return { node, properties };
}

export function matchesFilter(filter: MessageFilter | null, message: StoredMessage): boolean {
  if (!filter) return true;
  return evaluate(filter.node, (path) => BY_NAME.get(path.join('/').toLowerCase())?.read(message));
}

export interface SortKey {
  property: Property;
  descending: boolean;
}

/** The default order of message lists: newest first. */
const DEFAULT_ORDER: SortKey[] = [{ property: BY_NAME.get('receiveddatetime')!, descending: true }];

/**
 * `$orderby`, checked against the filter: properties in $orderby must appear in $filter, in the
 * same order, before any other filter property; else Exchange refuses the combination.
 */
export function parseMessageOrderBy(raw: string | null, filter: MessageFilter | null): SortKey[] {
  if (raw === null || raw.trim() === '') return DEFAULT_ORDER;
  const keys = raw.split(',').map((part): SortKey => {
    const [name = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const property = BY_NAME.get(name.toLowerCase());
    if (!property)
      throw new GraphError(
        400,
        'BadRequest',
        `The sandbox cannot order messages by '${name}'; it orders by ${PROPERTIES.map((p) => p.name).join(', ')}.`,
      );
    if (rest.length || !['asc', 'desc'].includes(direction.toLowerCase()))
      throw new GraphError(400, 'BadRequest', `Invalid $orderby clause: '${part.trim()}'.`);
    return { property, descending: direction.toLowerCase() === 'desc' };
  });
  if (filter) {
    const efficient = keys.every((key, index) => filter.properties[index] === key.property.name);
    if (!efficient)
      throw new GraphError(
        400,
        'InefficientFilter',
        'The restriction or sort order is too complex for this operation.',
      );
  }
  return keys;
}

export type Cursor = (string | boolean)[];

/** Sort values plus the immutable id as the final tie-breaker: a total order to page through. */
export function sortValues(keys: SortKey[], message: StoredMessage): Cursor {
  return [...keys.map((key) => normalise(key.property, message)), message.immutableId];
}

function normalise(property: Property, message: StoredMessage): string | boolean {
  const value = property.read(message);
  if (property.kind === 'datetime') return new Date(value as string).toISOString();
  return typeof value === 'string' ? value.toLowerCase() : value;
}

export function compareValues(keys: SortKey[], a: Cursor, b: Cursor): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const order = x < y ? -1 : 1;
    return keys[i]?.descending ? -order : order;
  }
  return 0;
}
