import { describe, expect, it } from 'vitest';
import { htmlToText, previewOf } from '../../../sandbox/src/graph/mail/html-text.js';
import { isWellFormedId } from '../../../sandbox/src/graph/mail/locate.js';
import { parseMessageFilter, parseMessageOrderBy } from '../../../sandbox/src/graph/mail/message-filter.js';

describe('bodyPreview', () => {
  it('is the first 255 characters of the text, tags and entities resolved', () => {
    const html = `<html><head><style>p{}</style></head><body><p>${'word '.repeat(100)}</p></body></html>`;
    const preview = previewOf({ contentType: 'html', content: html });
    expect(preview).toHaveLength(255);
    expect(preview).not.toContain('<');
    expect(htmlToText('<p>A &amp; B&nbsp;&#233;</p><p>next</p>')).toBe('A & B é\r\nnext');
  });

  it('keeps link targets in the text body, not in the preview', () => {
    expect(htmlToText('<a href="https://x.example/login">Keep my password</a>')).toBe(
      'Keep my password<https://x.example/login>',
    );
    expect(
      previewOf({ contentType: 'html', content: '<p>Go <a href="https://x.example">here</a></p>' }),
    ).toBe('Go here');
  });
});

describe('ids', () => {
  it('accepts Exchange-shaped ids and rejects names', () => {
    expect(isWellFormedId(`AAMkAG${'x'.repeat(56)}=`)).toBe(true);
    expect(isWellFormedId(`AAkALg${'-_'.repeat(28)}=`)).toBe(true);
    for (const bad of [
      'Projects',
      'inbox',
      'recoverableitemspurges',
      'AAMk short',
      'AAMkAG+/x'.padEnd(40, 'A'),
    ])
      expect(isWellFormedId(bad)).toBe(false);
  });
});

describe('InefficientFilter rule', () => {
  const rule = (filter: string | null, orderby: string) => () =>
    parseMessageOrderBy(orderby, parseMessageFilter(filter));

  it('allows order properties that lead the filter in the same order', () => {
    expect(
      rule("receivedDateTime ge 2025-01-01T00:00:00Z and subject eq 'x'", 'receivedDateTime desc'),
    ).not.toThrow();
    expect(
      rule(
        "receivedDateTime ge 2025-01-01T00:00:00Z and subject eq 'x'",
        'receivedDateTime desc,subject asc',
      ),
    ).not.toThrow();
    expect(rule(null, 'subject asc')).not.toThrow();
  });

  it('refuses missing, reordered or trailing order properties', () => {
    for (const [filter, orderby] of [
      ["subject eq 'x'", 'receivedDateTime desc'],
      ["subject eq 'x' and receivedDateTime ge 2025-01-01T00:00:00Z", 'receivedDateTime desc'],
      ["receivedDateTime ge 2025-01-01T00:00:00Z and subject eq 'x'", 'subject asc,receivedDateTime desc'],
    ] as const)
      expect(rule(filter, orderby)).toThrowError(expect.objectContaining({ code: 'InefficientFilter' }));
  });
});
