// The canonical fingerprint of a message, so copies and re-sends of one attack group together even
// when their internetMessageIds differ: sender, normalised subject, body text hash, attachment hashes.
import { createHash } from 'node:crypto';
import { htmlToText, normaliseText } from './html-text.js';

export interface FingerprintInput {
  sender: string | null;
  subject: string | null;
  body: { contentType: string; content: string };
  attachmentHashes: readonly (string | null)[];
}

const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|tr|rv)\s*(?:\[\d+\])?\s*:\s*)+/i;

/** Lower case, reply/forward prefixes and tags such as [EXTERNAL] removed, whitespace collapsed. */
export function normaliseSubject(subject: string | null): string {
  let text = normaliseText(subject ?? '');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(REPLY_PREFIX, '').replace(/^\[(?:external|ext|spam|suspicious)\]\s*/i, '');
  }
  return text.trim();
}

export function bodyTextHash(body: { contentType: string; content: string }): string {
  const text = body.contentType.toLowerCase() === 'html' ? htmlToText(body.content) : body.content;
  return sha256(normaliseText(text));
}

export function fingerprintOf(input: FingerprintInput): string {
  const canonical = JSON.stringify([
    (input.sender ?? '').toLowerCase(),
    normaliseSubject(input.subject),
    bodyTextHash(input.body),
    input.attachmentHashes.filter((h): h is string => !!h).sort(),
  ]);
  return sha256(canonical);
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
