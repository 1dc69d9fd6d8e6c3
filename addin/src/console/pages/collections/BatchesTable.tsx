// A data source's batches: the window each covered, whether it merged cold-start windows, how it
// went per mailbox, and what it collected.
import type { BatchStatus, CollectionBatch } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { StateBadge } from '../../components/badges.js';
import type { Column } from '../../components/DataTable.js';
import { formatCount, formatWhen } from '../../components/format.js';
import { PagedTable } from '../../components/PagedTable.js';
import type { PagedState } from '../../components/use-paged.js';

const t = strings.console.collections;

/** A batch still running, or waiting to retry, is neither good nor bad yet. */
const batchOk = (status: BatchStatus) =>
  status === 'completed' ? true : status === 'running' || status === 'retryScheduled' ? null : false;

/** The first few mailboxes that went wrong, and how many more did. */
function problems(b: CollectionBatch): string {
  if (!b.problems.length) return '—';
  const named = b.problems
    .slice(0, 3)
    .map((p) => `${p.mailbox}: ${t.mailboxStatuses[p.status]}${p.reason ? ` (${p.reason})` : ''}`)
    .join('; ');
  return named + (b.problems.length > 3 ? ` ${t.more(b.problems.length - 3)}` : '');
}

const COLUMNS: Column<CollectionBatch>[] = [
  { header: '#', cell: (b) => b.seq },
  {
    header: t.window,
    cell: (b) => (
      <>
        {formatWhen(b.windowStart)} – {formatWhen(b.windowEnd)}
        {b.windows > 1 ? ` (${t.merged(b.windows)})` : ''}
      </>
    ),
  },
  { header: t.trigger, cell: (b) => t.triggers[b.trigger] },
  {
    header: t.status,
    cell: (b) => <StateBadge ok={batchOk(b.status)}>{t.batchStatuses[b.status]}</StateBadge>,
  },
  {
    header: t.mailboxes,
    cell: (b) =>
      t.mailboxCounts(
        formatCount(b.counts.collected + b.counts.noChanges),
        formatCount(b.counts.mailboxes),
        formatCount(b.counts.failed),
      ),
  },
  {
    header: t.items,
    cell: (b) => t.itemCounts(formatCount(b.counts.messages), formatCount(b.counts.events)),
  },
  { header: t.problems, cell: problems },
];

export function BatchesTable({ batches }: { batches: PagedState<CollectionBatch> }) {
  return (
    <PagedTable
      list={batches}
      empty={t.noBatches}
      label={t.batchesHeading}
      columns={COLUMNS}
      rowKey={(b) => b.id}
      minWidth="56rem"
    />
  );
}
