// Every URL in either manifest must be https and served by the deployment itself: a manifest that
// points anywhere else is a mistake or a supply-chain risk.

/** What is wrong with a URL in a manifest, or null. */
export function urlProblem(value: string, baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute https URL (got "${value}")`;
  }
  if (url.protocol !== 'https:') return `must be https (got "${value}")`;
  const base = new URL(`${baseUrl.replace(/\/$/, '')}/`);
  if (url.origin !== base.origin || !`${url.pathname}/`.startsWith(base.pathname))
    return `must be under ${baseUrl} (got "${value}")`;
  return null;
}

/**
 * The base URL a page URL was built from, if it ends with that page's path. Always https: that is what
 * a deployment's base URL is, so a page given as http is reported once, not every URL beside it.
 */
export function baseUrlFrom(pageUrl: unknown, pagePath: string): string | null {
  if (typeof pageUrl !== 'string') return null;
  try {
    const url = new URL(pageUrl);
    if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith(pagePath) || url.search || url.hash)
      return null;
    return `https://${url.host}${url.pathname.slice(0, -pagePath.length)}`;
  } catch {
    return null;
  }
}
