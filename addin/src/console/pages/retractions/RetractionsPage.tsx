// Retractions: the list (newest first, by status), or one retraction when the route names it.
import { useState } from 'react';
import { makeStyles } from '@fluentui/react-components';
import { RETRACTION_STATUSES, type Retraction } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { RetractionStatusBadge } from '../../components/badges.js';
import { RefreshButton } from '../../components/bits.js';
import type { Column } from '../../components/DataTable.js';
import { ChoiceFilter, FilterBar, type Choice } from '../../components/FilterBar.js';
import { formatCount, formatWhen } from '../../components/format.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RouteLink } from '../../components/RouteLink.js';
import { usePaged } from '../../components/use-paged.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { RetractionDetail } from './RetractionDetail.js';

const useStyles = makeStyles({ filter: { minWidth: '14rem' } });

const STATUS_CHOICES: readonly Choice[] = RETRACTION_STATUSES.map((s) => [s, strings.statusNames[s]]);

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
  const columns: Column<Retraction>[] = [
    { header: t.requested, cell: (r) => formatWhen(r.createdAt) },
    {
      header: t.message,
      cell: (r) => (
        <RouteLink to={route('retractions', [r.id])}>{r.subject ?? r.internetMessageId}</RouteLink>
      ),
    },
    {
      header: t.action,
      cell: (r) =>
        r.kind === 'undo' ? t.undoOf(strings.actionNames[r.action]) : strings.actionNames[r.action],
    },
    { header: t.status, cell: (r) => <RetractionStatusBadge status={r.status} dryRun={r.dryRun} /> },
    {
      header: t.mailboxes,
      cell: (r) => t.progress(formatCount(r.counts.total - r.counts.pending), formatCount(r.counts.total)),
    },
    { header: t.source, cell: (r) => t.sources[r.source] },
    { header: t.requestedBy, cell: (r) => r.requestedBy.name ?? r.requestedBy.id },
  ];
  return (
    <>
      <FilterBar>
        <ChoiceFilter
          label={t.statusFilter}
          value={status}
          onChange={setStatus}
          choices={STATUS_CHOICES}
          className={styles.filter}
        />
        <RefreshButton onClick={list.reload} size="medium" />
      </FilterBar>
      <PagedTable
        list={list}
        empty={t.empty}
        label={t.tableLabel}
        columns={columns}
        rowKey={(r) => r.id}
        minWidth="52rem"
      />
    </>
  );
}
