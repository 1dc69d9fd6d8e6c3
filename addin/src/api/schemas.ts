// The report and retraction wire shapes are shared/'s: the API validates with the same
// definitions. This module names the parts the add-in uses.
import type { z } from 'zod';
import type { createRetractionSchema, reportCreatedSchema, Retraction } from '@clawback/shared';

export type { CreateReport, ReportSummary, ReporterCopyAction, Retraction } from '@clawback/shared';
export type ReportCreated = z.infer<typeof reportCreatedSchema>;
/** What the caller sends: dryRun has a server-side default. */
export type CreateRetraction = z.input<typeof createRetractionSchema>;
export type RetractionCounts = Retraction['counts'];

export const TERMINAL_RETRACTION_STATUSES: ReadonlySet<Retraction['status']> = new Set([
  'completed',
  'completedWithErrors',
  'failed',
  'cancelled',
]);
