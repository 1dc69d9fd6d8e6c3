// The triage status and verdict filters both triage lists offer.
import { DISPOSITIONS, TRIAGE_STATUSES } from '@clawback/shared';
import { strings } from '../../../strings.js';
import type { Choice } from '../../components/FilterBar.js';

export const STATUS_CHOICES: readonly Choice[] = TRIAGE_STATUSES.map((s) => [
  s,
  strings.console.triageStates[s],
]);

/** Every verdict, and "none" for what no one has decided yet. */
export const VERDICT_CHOICES: readonly Choice[] = [
  ['none', strings.console.reports.noVerdict],
  ...DISPOSITIONS.map((d): Choice => [d, strings.dispositionNames[d]]),
];
