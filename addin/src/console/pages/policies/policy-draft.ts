// The auto-retraction policy as a form edits it (numbers as typed text, "no action" as ''), and
// back: the result is checked with the API's own schema before it is sent.
import {
  autoRetractionPolicySchema,
  DISPOSITIONS,
  type AutoRetractionPolicy,
  type Disposition,
  type RetractionAction,
} from '@clawback/shared';

export type PolicyDisposition = Exclude<Disposition, 'CLEAN'>;
export const POLICY_DISPOSITIONS = DISPOSITIONS.filter((d): d is PolicyDisposition => d !== 'CLEAN');

export interface PolicyDraft {
  actions: Record<PolicyDisposition, RetractionAction | ''>;
  requireApproval: RetractionAction[];
  approvalMailboxThreshold: string;
  approvalExpiryHours: string;
  armedHours: string;
  rescanMinutes: string;
  notifyRecipients: boolean;
  notifyFrom: string;
  requireApprovalForPolicyChanges: boolean;
}

export function toDraft(policy: AutoRetractionPolicy): PolicyDraft {
  return {
    actions: Object.fromEntries(
      POLICY_DISPOSITIONS.map((d) => [d, policy.actions[d] ?? '']),
    ) as PolicyDraft['actions'],
    requireApproval: [...policy.requireApproval],
    approvalMailboxThreshold: String(policy.approvalMailboxThreshold),
    approvalExpiryHours: String(policy.approvalExpiryHours),
    armedHours: String(policy.armedHours),
    rescanMinutes: policy.rescanMinutes.join(', '),
    notifyRecipients: policy.notifyRecipients,
    notifyFrom: policy.notifyFrom ?? '',
    requireApprovalForPolicyChanges: policy.requireApprovalForPolicyChanges,
  };
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export type DraftResult =
  { ok: true; policy: AutoRetractionPolicy } | { ok: false; errors: Record<string, string> };

/** The policy the draft describes, or what is wrong with it, by field. */
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
    notifyRecipients: draft.notifyRecipients,
    notifyFrom: draft.notifyFrom.trim() || null,
    requireApprovalForPolicyChanges: draft.requireApprovalForPolicyChanges,
  };
  const parsed = autoRetractionPolicySchema.safeParse(candidate);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors };
}
