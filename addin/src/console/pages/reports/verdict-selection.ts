// Ticking campaigns or reports for one verdict on many: only for those who may set verdicts.
import { strings } from '../../../strings.js';
import type { RowSelection } from '../../components/DataTable.js';
import { useSelection, type Selection } from '../../components/use-selection.js';
import { useCan } from '../../context.js';

export type VerdictSelection<T> = RowSelection<T> & Selection;

export function useVerdictSelection<T extends { subject: string | null }>(): VerdictSelection<T> | undefined {
  const can = useCan();
  const selection = useSelection();
  if (!can('setVerdicts')) return undefined;
  const t = strings.console.reports;
  return {
    ...selection,
    allLabel: t.selectAll,
    rowLabel: (row) => t.selectRow(row.subject ?? strings.common.noSubject),
  };
}
