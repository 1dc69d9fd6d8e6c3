// Mailboxes a retraction could not act on, grouped by why: the admin fixes causes, not mailboxes.
// Reasons are the engine's words (notPublished, outOfScope, ...) or a Graph status and code
// ("429 TooManyRequests"); both get a sentence, and the raw reason stays beside it.
import type { MailboxState } from '@clawback/shared';
import type { ApiClient } from '../../api/client.js';
import { strings } from '../../strings.js';

export type ProblemState = Extract<MailboxState, 'failed' | 'skipped'>;

export interface FailureGroup {
  state: ProblemState;
  reason: string | null;
  count: number;
  /** The first few mailboxes, for a sense of who is affected. */
  mailboxes: string[];
}

export interface FailureGroups {
  groups: FailureGroup[];
  /** More mailboxes are in these states than were read: counts are of the first page only. */
  sampled: boolean;
  pageSize: number;
}

const PAGE_SIZE = 500;
const NAMED = 3;

export function groupByReason(
  state: ProblemState,
  rows: readonly { mailbox: string; reason: string | null }[],
): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const row of rows) {
    const key = row.reason ?? '';
    const group = groups.get(key) ?? { state, reason: row.reason, count: 0, mailboxes: [] };
    group.count += 1;
    if (group.mailboxes.length < NAMED) group.mailboxes.push(row.mailbox);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export async function loadFailureGroups(
  api: Pick<ApiClient, 'retractionMailboxes'>,
  retractionId: string,
): Promise<FailureGroups> {
  const states: ProblemState[] = ['failed', 'skipped'];
  const pages = await Promise.all(
    states.map((state) => api.retractionMailboxes(retractionId, { state, limit: PAGE_SIZE })),
  );
  return {
    groups: pages.flatMap((page, i) => groupByReason(states[i]!, page.items)),
    sampled: pages.some((page) => page.nextCursor !== null),
    pageSize: PAGE_SIZE,
  };
}

/** A sentence for a reason, in the admin's words. */
export function describeReason(reason: string | null): string {
  const t = strings.failures;
  if (!reason) return t.unknownReason;
  const named = t.reasons[reason];
  if (named) return named;
  const status = /^(\d{3})\b/.exec(reason)?.[1];
  if (status) {
    const code = Number(status);
    return t.statusReasons[code] ?? (code >= 500 ? t.statusReasons[500]! : t.statusReasons[400]!);
  }
  return reason;
}
