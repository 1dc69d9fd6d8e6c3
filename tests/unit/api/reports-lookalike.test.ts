// Lookalike domains: the demo campaign's c0ntoso.com must be flagged against contoso.com; the
// tenant's own domains, their subdomains and unrelated domains must not.
import { describe, expect, it } from 'vitest';
import { skeleton } from '../../../api/src/reports/enrichment/confusables.js';
import { lookalikeOf, withinOneEdit } from '../../../api/src/reports/enrichment/lookalike.js';

const TENANT = ['contoso.com', 'northwindtraders.com', 'contoso.onmicrosoft.com'];

describe('skeleton', () => {
  it('maps digits, Cyrillic and Greek lookalikes and letter pairs to one prototype', () => {
    expect(skeleton('c0ntoso.com')).toBe('contoso.com');
    expect(skeleton('cоntоsо.com')).toBe('contoso.com'); // Cyrillic о
    expect(skeleton('cοntoso.com')).toBe('contoso.com'); // Greek ο
    expect(skeleton('ｃｏｎｔｏｓｏ.com')).toBe('contoso.com'); // fullwidth
    expect(skeleton('northwlndtraders.com')).not.toBe('northwindtraders.com');
    expect(skeleton('rnicrosoft.com')).toBe('microsoft.com');
    expect(skeleton('paypaI.com')).toBe('paypal.com');
  });
});

describe('lookalikeOf', () => {
  it('flags the demo campaign sender domain as a homoglyph of contoso.com', () => {
    expect(lookalikeOf('c0ntoso.com', TENANT)).toEqual({
      domain: 'c0ntoso.com',
      resembles: 'contoso.com',
      kind: 'homoglyph',
    });
    expect(lookalikeOf('mail.c0ntoso.com', TENANT)?.kind).toBe('homoglyph');
    expect(lookalikeOf('cоntoso.com', TENANT)?.kind).toBe('homoglyph'); // Cyrillic о
  });

  it('flags typos one edit away and the tenant name inside other domains', () => {
    expect(lookalikeOf('contosso.com', TENANT)).toMatchObject({ kind: 'typo', resembles: 'contoso.com' });
    expect(lookalikeOf('cnotoso.com', TENANT)?.kind).toBe('typo');
    expect(lookalikeOf('contoso.co', TENANT)?.kind).toBe('typo');
    expect(lookalikeOf('northwindtrader.com', TENANT)).toMatchObject({ resembles: 'northwindtraders.com' });
    expect(lookalikeOf('c0ntoso-login.example', TENANT)?.kind).toBe('embedded');
    expect(lookalikeOf('contoso.com.evil.example', TENANT)?.kind).toBe('embedded');
  });

  it('leaves the tenant, its subdomains, its SharePoint and unrelated domains alone', () => {
    for (const domain of [
      'contoso.com',
      'mail.contoso.com',
      'CONTOSO.COM',
      'contoso.sharepoint.com',
      'contoso-my.sharepoint.com',
      'fabrikam.com',
      'outlook-mail.example',
      'example.com',
    ])
      expect(lookalikeOf(domain, TENANT), domain).toBeNull();
    expect(lookalikeOf('c0ntoso.sharepoint.com', TENANT)?.kind).toBe('homoglyph');
    expect(lookalikeOf('c0ntoso.onmicrosoft.com', TENANT)?.kind).toBe('homoglyph');
  });
});

describe('withinOneEdit', () => {
  it('counts one insertion, deletion, substitution or swap, and nothing else', () => {
    expect(withinOneEdit('contoso', 'contosso')).toBe(true);
    expect(withinOneEdit('contoso', 'contso')).toBe(true);
    expect(withinOneEdit('contoso', 'contaso')).toBe(true);
    expect(withinOneEdit('contoso', 'cnotoso')).toBe(true);
    expect(withinOneEdit('contoso', 'contoso')).toBe(false);
    expect(withinOneEdit('contoso', 'cantaso')).toBe(false);
    expect(withinOneEdit('contoso', 'contosooo')).toBe(false);
  });
});
