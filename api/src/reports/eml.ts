// Just enough of RFC 5322 to tie an EML handed over by Outlook to the message in the mailbox: the
// Message-ID of its header block.

/** The header block: everything before the first empty line. */
function headerBlock(eml: Buffer): string {
  const limit = Math.min(eml.length, 256 * 1024);
  const text = eml.subarray(0, limit).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return end >= 0 ? text.slice(0, end) : text;
}

export function emlMessageId(eml: Buffer): string | null {
  const unfolded = headerBlock(eml).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(.+?)[ \t]*$/im.exec(unfolded);
  return match ? match[1]! : null;
}

/** Message-IDs compare without case in the domain part and without surrounding space. */
export function sameMessageId(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
