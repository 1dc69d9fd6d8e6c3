// Body conversions Exchange performs on read: HTML to text for `Prefer: outlook.body-content-type`
// and bodyPreview, text to HTML the other way round.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/**
 * Block elements become line breaks and everything else loses its tags. Links keep their target
 * as Outlook writes it ("label<https://...>") unless `links` is false (the preview drops them).
 */
export function htmlToText(html: string, options: { links?: boolean } = {}): string {
  const keepLinks = options.links ?? true;
  const text = html
    .replace(/<(head|style|script|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(
      /<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/gi,
      (_m, href: string, label: string) =>
        // \u0001/\u0002 stand for angle brackets until the tags are gone.
        !keepLinks || label.replace(/<[^>]*>/g, '').trim() === href ? label : `${label}\u0001${href}\u0002`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replaceAll('\u0001', '<')
    .replaceAll('\u0002', '>');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\r\n')
    .replace(/(\r\n){3,}/g, '\r\n\r\n')
    .trim();
}

export function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>\r\n');
  return `<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head><body>${escaped}</body></html>`;
}

/** The first 255 characters of the text, whitespace collapsed, as bodyPreview is. */
export function previewOf(body: { contentType: 'html' | 'text'; content: string }): string {
  const text = body.contentType === 'html' ? htmlToText(body.content, { links: false }) : body.content;
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, 255).join('');
}
