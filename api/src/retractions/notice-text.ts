// The words of a retraction notice: the tenant's template with {{placeholders}} filled in, sent as
// plain text so nothing from the retracted message (its subject, its sender) can become markup.
import type { RetractionAction, RetractionNotice } from '@clawback/shared';
import type { RetractionRow } from './repository.js';

export interface RenderedNotice {
  subject: string;
  body: string;
}

/** Where the copy went, in the words of "it was ...". */
const ACTION_WORDS: Record<RetractionAction, string> = {
  moveToJunk: 'moved to your Junk Email folder',
  moveToDeletedItems: 'moved to your Deleted Items folder',
  softDelete: 'deleted',
  hardDelete: 'permanently deleted',
  moveToInbox: 'moved back to your Inbox',
};

const VERDICT_WORDS: Record<string, string> = {
  MALICIOUS: 'malicious',
  SUSPICIOUS: 'suspicious',
  SPOOF: 'spoofed: it pretended to come from someone it did not',
  SPAM: 'spam',
  BULK: 'unwanted bulk mail',
};

/** The reason an auto-retraction records ("auto-retraction: verdict MALICIOUS"), see verdicts.ts. */
const POLICY_REASON = /^auto-retraction: verdict ([A-Z]+)$/;

/** Why, in plain words: the admin's own reason, a policy verdict said as a sentence, or a default. */
export function plainReason(reason: string | null): string {
  const verdict = reason ? POLICY_REASON.exec(reason)?.[1] : undefined;
  if (verdict) return `your security team found it to be ${VERDICT_WORDS[verdict] ?? verdict.toLowerCase()}.`;
  if (reason?.trim()) return oneLine(reason, 1000);
  return 'your security team found it to be unsafe.';
}

export function renderNotice(notice: RetractionNotice, row: RetractionRow, mailbox: string): RenderedNotice {
  const values: Record<string, string> = {
    subject: oneLine(row.subject ?? '(no subject)', 200),
    sender: oneLine(row.sender ?? 'an unknown sender', 200),
    reason: plainReason(row.reason),
    action: ACTION_WORDS[row.action as RetractionAction],
    mailbox,
  };
  return {
    subject: oneLine(fill(notice.subject, values), 255),
    body: fill(notice.body, values),
  };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Text from a message stays on one line and within reason. */
function oneLine(text: string, max: number): string {
  return text.replace(/[\r\n\t]+/g, ' ').slice(0, max);
}
