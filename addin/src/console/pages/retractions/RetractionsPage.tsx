// Retractions: the list (newest first, by status), or one retraction when the route names it.
import { useState } from 'react';
import {
  Button,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { RETRACTION_STATUSES } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { RetractionStatusBadge } from '../../components/badges.js';
import { LoadMore } from '../../components/bits.js';
import { formatCount, formatWhen } from '../../components/format.js';
import { usePaged } from '../../components/use-paged.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { RetractionDetail } from './RetractionDetail.js';
import { RouteLink } from '../../components/RouteLink.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '52rem' },
  filter: { minWidth: '14rem' },
  toolbar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

export function RetractionsPage() {
  const { route: current } = useConsole();
  const [id] = current.segments;
  return id ? <RetractionDetail key={id} id={id} /> : <RetractionList />;
}

function RetractionList() {
  const styles = useStyles();
  const { api } = useConsole();
  const t = strings.console.retractions;
  const [status, setStatus] = useState('');
  const list = usePaged((cursor) => api.retractions.list({ status, cursor, limit: 50 }), [api, status]);
  return (
    <>
      <div className={styles.toolbar}>
        <Field label={t.statusFilter} className={styles.filter}>
          <Select value={status} onChange={(_, d) => setStatus(d.value)}>
            <option value="">{strings.console.common.any}</option>
            {RETRACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {strings.statusNames[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={list.reload}>{strings.console.common.refresh}</Button>
      </div>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && !list.items.length ? <EmptyState>{t.empty}</EmptyState> : null}
      {list.items.length ? (
        <div className={styles.scroll}>
          <Table size="small" className={styles.table} aria-label={t.tableLabel}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.requested}</TableHeaderCell>
                <TableHeaderCell>{t.message}</TableHeaderCell>
                <TableHeaderCell>{t.action}</TableHeaderCell>
                <TableHeaderCell>{t.status}</TableHeaderCell>
                <TableHeaderCell>{t.mailboxes}</TableHeaderCell>
                <TableHeaderCell>{t.source}</TableHeaderCell>
                <TableHeaderCell>{t.requestedBy}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{formatWhen(r.createdAt)}</TableCell>
                  <TableCell>
                    <RouteLink to={route('retractions', [r.id])}>
                      {r.subject ?? r.internetMessageId}
                    </RouteLink>
                  </TableCell>
                  <TableCell>
                    {r.kind === 'undo'
                      ? t.undoOf(strings.actionNames[r.action])
                      : strings.actionNames[r.action]}
                  </TableCell>
                  <TableCell>
                    <RetractionStatusBadge status={r.status} dryRun={r.dryRun} />
                  </TableCell>
                  <TableCell>
                    {t.progress(formatCount(r.counts.total - r.counts.pending), formatCount(r.counts.total))}
                  </TableCell>
                  <TableCell>{t.sources[r.source]}</TableCell>
                  <TableCell>{r.requestedBy.name ?? r.requestedBy.id}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <LoadMore visible={list.hasMore} busy={list.loadingMore} onClick={list.loadMore} />
    </>
  );
}
