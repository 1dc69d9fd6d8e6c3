// Words of the domain shared by the add-in and the API: report categories, dispositions, actions,
// well-known folders.

export const REPORT_CATEGORIES = ['phishing', 'junk', 'notJunk'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** Verdicts, as the seed documents name them. */
export const DISPOSITIONS = ['MALICIOUS', 'SUSPICIOUS', 'SPOOF', 'SPAM', 'BULK', 'CLEAN'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const RETRACTION_ACTIONS = [
  'moveToJunk',
  'moveToDeletedItems',
  'softDelete',
  'hardDelete',
  'moveToInbox',
] as const;
export type RetractionAction = (typeof RETRACTION_ACTIONS)[number];

/** Where each action puts a copy (a Graph well-known folder), or null for a permanent delete. */
export const ACTION_DESTINATIONS: Record<RetractionAction, string | null> = {
  moveToJunk: 'junkemail',
  moveToDeletedItems: 'deleteditems',
  softDelete: 'recoverableitemsdeletions',
  hardDelete: null,
  moveToInbox: 'inbox',
};

export const RETRACTION_STATUSES = [
  'planning',
  'awaitingApproval',
  'running',
  'completed',
  'completedWithErrors',
  'failed',
  'cancelled',
] as const;
export type RetractionStatus = (typeof RETRACTION_STATUSES)[number];
