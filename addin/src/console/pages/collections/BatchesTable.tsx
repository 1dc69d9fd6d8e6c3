// A data source's batches: the window each covered, whether it merged cold-start windows, how it
// went per mailbox, and what it collected.
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import type { CollectionBatch } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { StateBadge } from '../../components/badges.js';
import { formatCount, formatWhen } from '../../components/format.js';

const useStyles = makeStyles({ scroll: { overflowX: 'auto' }, table: { minWidth: '56rem' } });

export function BatchesTable({ batches }: { batches: CollectionBatch[] }) {
  const styles = useStyles();
  const t = strings.console.collections;
  return (
    <div className={styles.scroll}>
      <Table size="small" className={styles.table} aria-label={t.batchesHeading}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>#</TableHeaderCell>
            <TableHeaderCell>{t.window}</TableHeaderCell>
            <TableHeaderCell>{t.trigger}</TableHeaderCell>
            <TableHeaderCell>{t.status}</TableHeaderCell>
            <TableHeaderCell>{t.mailboxes}</TableHeaderCell>
            <TableHeaderCell>{t.items}</TableHeaderCell>
            <TableHeaderCell>{t.problems}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {batches.map((b) => (
            <TableRow key={b.id}>
              <TableCell>{b.seq}</TableCell>
              <TableCell>
                {formatWhen(b.windowStart)} – {formatWhen(b.windowEnd)}
                {b.windows > 1 ? ` (${t.merged(b.windows)})` : ''}
              </TableCell>
              <TableCell>{t.triggers[b.trigger]}</TableCell>
              <TableCell>
                <StateBadge
                  ok={
                    b.status === 'completed'
                      ? true
                      : b.status === 'running' || b.status === 'retryScheduled'
                        ? null
                        : false
                  }
                >
                  {t.batchStatuses[b.status]}
                </StateBadge>
              </TableCell>
              <TableCell>
                {t.mailboxCounts(
                  formatCount(b.counts.collected + b.counts.noChanges),
                  formatCount(b.counts.mailboxes),
                  formatCount(b.counts.failed),
                )}
              </TableCell>
              <TableCell>
                {t.itemCounts(formatCount(b.counts.messages), formatCount(b.counts.events))}
              </TableCell>
              <TableCell>
                {b.problems.length
                  ? b.problems
                      .slice(0, 3)
                      .map(
                        (p) =>
                          `${p.mailbox}: ${t.mailboxStatuses[p.status]}${p.reason ? ` (${p.reason})` : ''}`,
                      )
                      .join('; ') + (b.problems.length > 3 ? ` ${t.more(b.problems.length - 3)}` : '')
                  : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
