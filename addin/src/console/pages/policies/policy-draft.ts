// The auto-retraction policy as a form edits it (numbers as typed text, "no action" as ''), and
// back: the result is checked with the API's own schema before it is sent.
import {
  autoRetractionPolicySchema,
  DEFAULT_RETRACTION_NOTICE,
  DISPOSITIONS,
  type AutoRetractionPolicy,
  type Disposition,
  type RetractionAction,
  type RetractionNotice,
} from '@clawback/shared';

export type PolicyDisposition = Exclude<Disposition, 'CLEAN'>;
export const POLICY_DISPOSITIONS = DISPOSITIONS.filter((d): d is PolicyDisposition => d !== 'CLEAN');

/**
 * What the console sends: the policy with its `notify` setting and without the older
 * notifyRecipients/notifyFrom pair, which the API keeps only for clients written before `notify`.
 */
export type PolicyChange = Omit<AutoRetractionPolicy, 'notify' | 'notifyRecipients' | 'notifyFrom'> & {
  notify: RetractionNotice;
};

export interface PolicyDraft {
  actions: Record<PolicyDisposition, RetractionAction | ''>;
  requireApproval: RetractionAction[];
  approvalMailboxThreshold: string;
  approvalExpiryHours: string;
  armedHours: string;
  rescanMinutes: string;
  notify: { enabled: boolean; fromMailbox: string; subject: string; body: string };
  requireApprovalForPolicyChanges: boolean;
}

export function toDraft(policy: AutoRetractionPolicy): PolicyDraft {
  // The API answers with `notify` filled in, also for policies saved before it existed.
  const notify = policy.notify ?? DEFAULT_RETRACTION_NOTICE;
  return {
    actions: Object.fromEntries(
      POLICY_DISPOSITIONS.map((d) => [d, policy.actions[d] ?? '']),
    ) as PolicyDraft['actions'],
    requireApproval: [...policy.requireApproval],
    approvalMailboxThreshold: String(policy.approvalMailboxThreshold),
    approvalExpiryHours: String(policy.approvalExpiryHours),
    armedHours: String(policy.armedHours),
    rescanMinutes: policy.rescanMinutes.join(', '),
    notify: { ...notify, fromMailbox: notify.fromMailbox ?? '' },
    requireApprovalForPolicyChanges: policy.requireApprovalForPolicyChanges,
  };
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export type DraftResult = { ok: true; policy: PolicyChange } | { ok: false; errors: Record<string, string> };

/** The policy the draft describes, or what is wrong with it, by field ('notify.subject' inside notify). */
export function fromDraft(draft: PolicyDraft): DraftResult {
  const candidate = {
    actions: Object.fromEntries(POLICY_DISPOSITIONS.map((d) => [d, draft.actions[d] || null])),
    requireApproval: draft.requireApproval,
    approvalMailboxThreshold: toNumber(draft.approvalMailboxThreshold),
    approvalExpiryHours: toNumber(draft.approvalExpiryHours),
    armedHours: toNumber(draft.armedHours),
    rescanMinutes: draft.rescanMinutes
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number),
    notify: { ...draft.notify, fromMailbox: draft.notify.fromMailbox.trim() || null },
    requireApprovalForPolicyChanges: draft.requireApprovalForPolicyChanges,
  };
  const parsed = autoRetractionPolicySchema.safeParse(candidate);
  if (parsed.success) {
    // The schema fills in the older pair with its defaults; leaving it out keeps it from being sent.
    // `notify` is there: the candidate has it.
    const { notify, notifyRecipients: _enabled, notifyFrom: _from, ...rest } = parsed.data;
    return { ok: true, policy: { ...rest, notify: notify! } };
  }
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  return { ok: false, errors };
}

/** The form field an issue belongs to: the top-level key, or notify's own key inside it. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first = 'form', second] = path.map(String);
  return first === 'notify' && second ? `notify.${second}` : first;
}
