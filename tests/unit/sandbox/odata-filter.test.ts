import { describe, expect, it } from 'vitest';
import { evaluate, filterTerms, parseFilter } from '../../../sandbox/src/graph/odata-filter.js';

const message = {
  internetMessageId: "<a'b@example.com>",
  receivedDateTime: '2026-01-10T12:00:00Z',
  from: { emailAddress: { address: 'Eve@Example.com' } },
  proxyAddresses: ['SMTP:alice@contoso.com', 'smtp:a.smith@contoso.com'],
};

function matches(filter: string, item: Record<string, unknown> = message): boolean {
  return evaluate(parseFilter(filter), (path) =>
    path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], item),
  );
}

describe('OData $filter', () => {
  it('matches a string literal with a doubled quote exactly, not as an injection', () => {
    expect(matches("internetMessageId eq '<a''b@example.com>'")).toBe(true);
    // The same input escaped as a literal matches nothing...
    expect(matches("internetMessageId eq 'x'' or true or ''a'")).toBe(false);
    // ...and spliced in raw it is not a valid filter at all.
    expect(() => parseFilter("internetMessageId eq 'x' or true or 'a'")).toThrowError(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('compares addresses case-insensitively through nested paths', () => {
    expect(matches("from/emailAddress/address eq 'eve@example.com'")).toBe(true);
  });

  it('compares unquoted datetimes by instant, with and', () => {
    expect(
      matches('receivedDateTime ge 2026-01-10T00:00:00Z and receivedDateTime lt 2026-01-11T00:00:00Z'),
    ).toBe(true);
    expect(matches('receivedDateTime gt 2026-01-10T12:00:00Z')).toBe(false);
  });

  it('evaluates any() over collections', () => {
    expect(matches("proxyAddresses/any(p:p eq 'smtp:a.smith@contoso.com')")).toBe(true);
    expect(matches("proxyAddresses/any(p:startswith(p, 'smtp:bob'))")).toBe(false);
  });

  it('lists the terms a filter uses so resources can refuse what Graph refuses', () => {
    expect(filterTerms(parseFilter("subject eq 'x' and startswith(from/emailAddress/address,'e')"))).toEqual([
      { path: 'subject', op: 'eq' },
      { path: 'from/emailAddress/address', op: 'startswith' },
    ]);
  });

  it.each(["subject eq 'open", 'subject eq', 'subject foo 1', "subject eq 'a' and", 'subject eq bare'])(
    'refuses malformed filter %s with a 400',
    (filter) => {
      expect(() => parseFilter(filter)).toThrowError(expect.objectContaining({ status: 400 }));
    },
  );
});
