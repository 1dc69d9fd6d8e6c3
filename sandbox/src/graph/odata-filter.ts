// An OData `$filter` parser and evaluator for the subset Graph accepts on the resources the sandbox
// serves. Each resource validates the parsed tree against what real Graph allows for it, so an
// unsupported filter is refused rather than answered wrongly.
import { GraphError } from '../http/errors.js';

export type Literal = string | number | boolean | null | Date;

export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; op: CompareOp; path: string[]; value: Literal }
  | { type: 'function'; name: 'startswith' | 'endswith' | 'contains'; path: string[]; value: string }
  | { type: 'any'; path: string[]; variable: string; predicate: FilterNode };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'datetime'; value: Date }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' | ':' };

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains']);
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;

function invalid(message: string): GraphError {
  return new GraphError(400, 'BadRequest', `Invalid filter clause: ${message}`);
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === ' ' || ch === '\t') {
      i += 1;
    } else if (ch === "'") {
      // OData escapes a quote inside a string literal by doubling it.
      let value = '';
      i += 1;
      for (;;) {
        if (i >= input.length) throw invalid('unterminated string literal.');
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += input[i];
        i += 1;
      }
      tokens.push({ kind: 'string', value });
    } else if ('(),:'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch as '(' | ')' | ',' | ':' });
      i += 1;
    } else {
      const rest = input.slice(i);
      const date = DATETIME.exec(rest);
      if (date && date[1]) {
        tokens.push({ kind: 'datetime', value: new Date(date[0]) });
        i += date[0].length;
        continue;
      }
      const number = /^-?\d+(\.\d+)?(?![\w-])/.exec(rest);
      if (number) {
        tokens.push({ kind: 'number', value: Number(number[0]) });
        i += number[0].length;
        continue;
      }
      const word = /^[A-Za-z_][\w./@#-]*/.exec(rest);
      if (!word) throw invalid(`unexpected character '${ch}' at position ${i}.`);
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.position < this.tokens.length)
      throw invalid(`unexpected '${describe(this.tokens[this.position]!)}'.`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (!token) throw invalid('the expression ends too early.');
    this.position += 1;
    return token;
  }

  private isWord(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.value.toLowerCase() === value;
  }

  private expectPunct(value: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value) throw invalid(`expected '${value}'.`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.position += 1;
      left = { type: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.position += 1;
      left = { type: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.position += 1;
      return { type: 'not', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const token = this.next();
    if (token.kind === 'punct' && token.value === '(') {
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (token.kind !== 'word') throw invalid(`unexpected '${describe(token)}'.`);
    const name = token.value.toLowerCase();
    if (FUNCTIONS.has(name) && this.peek()?.kind === 'punct') {
      this.expectPunct('(');
      const path = this.pathToken();
      this.expectPunct(',');
      const value = this.next();
      if (value.kind !== 'string') throw invalid(`${name} takes a string literal.`);
      this.expectPunct(')');
      return { type: 'function', name: name as 'startswith', path, value: value.value };
    }
    const segments = token.value.split('/');
    const last = segments[segments.length - 1]!.toLowerCase();
    if (last === 'any' && this.peek()?.kind === 'punct') {
      this.expectPunct('(');
      const variable = this.next();
      if (variable.kind !== 'word') throw invalid('any() needs a lambda variable.');
      this.expectPunct(':');
      const predicate = this.or();
      this.expectPunct(')');
      return { type: 'any', path: segments.slice(0, -1), variable: variable.value, predicate };
    }
    const op = this.next();
    if (op.kind !== 'word' || !COMPARE_OPS.has(op.value.toLowerCase()))
      throw invalid(`expected an operator after '${token.value}'.`);
    return {
      type: 'compare',
      op: op.value.toLowerCase() as CompareOp,
      path: segments,
      value: this.literal(),
    };
  }

  private pathToken(): string[] {
    const token = this.next();
    if (token.kind !== 'word') throw invalid('expected a property name.');
    return token.value.split('/');
  }

  private literal(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
      case 'number':
      case 'datetime':
        return token.value;
      case 'word': {
        const word = token.value.toLowerCase();
        if (word === 'true') return true;
        if (word === 'false') return false;
        if (word === 'null') return null;
        throw invalid(`'${token.value}' is not a literal; string literals need single quotes.`);
      }
      default:
        throw invalid(`unexpected '${describe(token)}'.`);
    }
  }
}

function describe(token: Token): string {
  return token.kind === 'datetime' ? token.value.toISOString() : String(token.value);
}

export function parseFilter(input: string): FilterNode {
  return new Parser(tokenize(input)).parse();
}

/** Resolves a property path on an item; arrays of values are returned as arrays. */
export type PathResolver = (path: string[]) => unknown;

export function evaluate(node: FilterNode, resolve: PathResolver): boolean {
  switch (node.type) {
    case 'and':
      return evaluate(node.left, resolve) && evaluate(node.right, resolve);
    case 'or':
      return evaluate(node.left, resolve) || evaluate(node.right, resolve);
    case 'not':
      return !evaluate(node.operand, resolve);
    case 'compare':
      return compare(resolve(node.path), node.op, node.value);
    case 'function': {
      const actual = resolve(node.path);
      if (typeof actual !== 'string') return false;
      const a = actual.toLowerCase();
      const v = node.value.toLowerCase();
      return node.name === 'startswith'
        ? a.startsWith(v)
        : node.name === 'endswith'
          ? a.endsWith(v)
          : a.includes(v);
    }
    case 'any': {
      const values = resolve(node.path);
      if (!Array.isArray(values)) return false;
      return values.some((value) =>
        evaluate(node.predicate, (path) =>
          path[0] === node.variable ? dig(value, path.slice(1)) : resolve(path),
        ),
      );
    }
  }
}

function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function compare(actual: unknown, op: CompareOp, expected: Literal): boolean {
  const [a, b] = comparable(actual, expected);
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a !== null && b !== null && a > b;
    case 'ge':
      return a !== null && b !== null && a >= b;
    case 'lt':
      return a !== null && b !== null && a < b;
    case 'le':
      return a !== null && b !== null && a <= b;
  }
}

/** Strings compare case-insensitively (as Exchange and the directory do); dates by instant. */
function comparable(
  actual: unknown,
  expected: Literal,
): [string | number | boolean | null, string | number | boolean | null] {
  if (expected instanceof Date) {
    const time = typeof actual === 'string' ? Date.parse(actual) : NaN;
    return [Number.isNaN(time) ? null : time, expected.getTime()];
  }
  if (typeof expected === 'string')
    return [typeof actual === 'string' ? actual.toLowerCase() : null, expected.toLowerCase()];
  if (actual === undefined) return [null, expected];
  return [actual as string | number | boolean | null, expected];
}

/** Every property path a filter touches, with how it is used, for per-resource validation. */
export function filterTerms(node: FilterNode): { path: string; op: string }[] {
  switch (node.type) {
    case 'and':
    case 'or':
      return [...filterTerms(node.left), ...filterTerms(node.right)];
    case 'not':
      return [{ path: '', op: 'not' }, ...filterTerms(node.operand)];
    case 'compare':
      return [{ path: node.path.join('/'), op: node.op }];
    case 'function':
      return [{ path: node.path.join('/'), op: node.name }];
    case 'any':
      return [{ path: node.path.join('/'), op: 'any' }];
  }
}
