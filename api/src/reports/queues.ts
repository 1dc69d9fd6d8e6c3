// The feature's one job queue (one queue polls the store once, however many kinds of work it
// carries). Each job names a report or campaign and reads its current state when it runs, so a
// retried job does the right thing and a finished one is not done twice.
export const REPORTS_QUEUE = 'reports';

export interface ForwardJob {
  kind: 'forward';
  tenantId: string;
  reportId: string;
}

export interface ReporterCopyJob {
  kind: 'reporterCopy';
  tenantId: string;
  reportId: string;
  /** Graph well-known folder name. */
  destination: 'junkemail' | 'deleteditems';
}

export interface NotifyJob {
  kind: 'notify';
  tenantId: string;
  reportId: string;
  notification: 'receipt' | 'outcome';
}

/** A verdict set without a person (the threshold rule): run the policy and tell the reporters. */
export interface VerdictFollowUpJob {
  kind: 'verdictFollowUp';
  tenantId: string;
  campaignId: string;
  disposition: string;
}

/** A message new to its campaign: how many mailboxes its recipients reach (the directory's answer). */
export interface EstimateJob {
  kind: 'estimate';
  tenantId: string;
  campaignId: string;
  addresses: string[];
}

export type ReportJob = ForwardJob | ReporterCopyJob | NotifyJob | VerdictFollowUpJob | EstimateJob;

/** Recipients an estimate job carries at most (distribution lists count as one). */
export const MAX_ESTIMATE_ADDRESSES = 500;
