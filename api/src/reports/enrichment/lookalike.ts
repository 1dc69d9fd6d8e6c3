// Domains that imitate the tenant's own: the same skeleton (homoglyphs: c0ntoso.com), one edit
// away (typos: contosso.com), or the tenant's name inside another domain (contoso-login.example,
// contoso.com.evil.net). The tenant's domains and their subdomains are never flagged.
import { skeleton } from './confusables.js';

export type LookalikeKind = 'homoglyph' | 'typo' | 'embedded';

export interface LookalikeMatch {
  domain: string;
  resembles: string;
  kind: LookalikeKind;
}

/** Shorter names match too much by accident. */
const MIN_NAME = 4;

/**
 * Shared platforms where every tenant has a name of its own (contoso.sharepoint.com): there the
 * tenant's name is expected, and only an imitation of it (c0ntoso.sharepoint.com) is flagged.
 */
const PLATFORMS = ['mail.onmicrosoft.com', 'onmicrosoft.com', 'sharepoint.com'];

export function lookalikeOf(domain: string, tenantDomains: readonly string[]): LookalikeMatch | null {
  const candidate = domain.toLowerCase().replace(/\.$/, '');
  if (!candidate.includes('.')) return null;
  const own = tenantDomains.map((d) => d.toLowerCase());
  if (own.some((d) => candidate === d || candidate.endsWith(`.${d}`))) return null;
  let best: LookalikeMatch | null = null;
  for (const tenantDomain of own) {
    const kind = compare(candidate, tenantDomain);
    if (kind && (!best || RANK[kind] < RANK[best.kind]))
      best = { domain: candidate, resembles: tenantDomain, kind };
  }
  return best;
}

const RANK: Record<LookalikeKind, number> = { homoglyph: 0, typo: 1, embedded: 2 };

function compare(candidate: string, tenantDomain: string): LookalikeKind | null {
  const target = skeleton(tenantDomain);
  const name = target.split('.')[0]!;
  const platform = PLATFORMS.find((p) => candidate.endsWith(`.${p}`));
  if (platform) {
    const label = candidate
      .slice(0, -platform.length - 1)
      .split('.')
      .at(-1)!
      .replace(/-my$/, '');
    const ownName = tenantDomain.split('.')[0]!;
    return label !== ownName && skeleton(label) === name ? 'homoglyph' : null;
  }
  // Every suffix of two or more labels: mail.c0ntoso.com is judged as c0ntoso.com too.
  const labels = candidate.split('.');
  const suffixes = labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
  if (suffixes.some((s) => skeleton(s) === target)) return 'homoglyph';
  if (name.length >= MIN_NAME && suffixes.some((s) => withinOneEdit(skeleton(s), target))) return 'typo';
  if (name.length < MIN_NAME) return null;
  const tokens = skeleton(candidate).split(/[.\-_]/);
  return tokens.includes(name) ? 'embedded' : null;
}

/** Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
