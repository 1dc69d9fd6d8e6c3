// URLs in a message body: link targets in HTML and addresses written out in text, deduplicated in
// order of appearance. Shown defanged (hxxps://example[.]com/...) so nobody clicks them by accident.
import { decodeEntities, htmlToText } from './html-text.js';
import { unicodeDomain } from './addresses.js';

export interface UrlFacts {
  /** The URL as found (not defanged). */
  url: string;
  /** Lower-case host in Unicode. */
  host: string;
}

const MAX_URLS = 200;
const IN_TEXT = /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^]+/gi;
const IN_ATTRIBUTE = /\b(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const TRAILING = /[.,;:!?)\]}>'"]+$/;

export function extractUrls(body: { contentType: string; content: string }): UrlFacts[] {
  const found: string[] = [];
  if (body.contentType.toLowerCase() === 'html') {
    for (const match of body.content.matchAll(IN_ATTRIBUTE))
      found.push(decodeEntities((match[1] ?? match[2] ?? match[3] ?? '').trim()));
    found.push(...(htmlToText(body.content).match(IN_TEXT) ?? []));
  } else found.push(...(body.content.match(IN_TEXT) ?? []));
  const seen = new Map<string, UrlFacts>();
  for (const raw of found) {
    const facts = urlFacts(raw.replace(TRAILING, ''));
    if (facts && !seen.has(facts.url)) seen.set(facts.url, facts);
    if (seen.size >= MAX_URLS) break;
  }
  return [...seen.values()];
}

function urlFacts(raw: string): UrlFacts | null {
  if (!/^(?:https?|ftp):\/\//i.test(raw)) return null;
  try {
    const host = new URL(raw).hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return host ? { url: raw, host: unicodeDomain(host) } : null;
  } catch {
    return null;
  }
}

/** hxxps://example[.]com/path: the scheme and every dot of the authority made inert. */
export function defangUrl(url: string): string {
  const match = /^([a-z]+)(:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!match) return defangHost(url);
  const [, scheme, separator, authority, rest] = match;
  return (
    scheme!.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp') + separator + defangHost(authority!) + rest
  );
}

export function defangHost(host: string): string {
  return host.replaceAll('.', '[.]');
}
