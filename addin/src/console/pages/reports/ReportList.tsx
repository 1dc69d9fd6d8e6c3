// Single reports: who reported what and when, filtered, with one verdict for many.
import { useState } from 'react';
import { REPORT_CATEGORIES, type ReportSummary } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { DispositionBadge } from '../../components/badges.js';
import type { Column } from '../../components/DataTable.js';
import { ChoiceFilter, FilterBar, TextFilter, type Choice } from '../../components/FilterBar.js';
import { dayStart, formatWhen } from '../../components/format.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RouteLink } from '../../components/RouteLink.js';
import { usePaged } from '../../components/use-paged.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { BulkVerdict } from './BulkVerdict.js';
import { STATUS_CHOICES, VERDICT_CHOICES } from './filter-choices.js';
import { useVerdictSelection } from './verdict-selection.js';

const CATEGORY_CHOICES: readonly Choice[] = REPORT_CATEGORIES.map((c) => [c, strings.categoryNames[c]]);

const looksLikeAddress = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export function ReportList() {
  const { api } = useConsole();
  const t = strings.console.reports;
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState('');
  const [disposition, setDisposition] = useState('');
  const [reporter, setReporter] = useState('');
  const [since, setSince] = useState('');
  // Only a whole address filters: half-typed ones would be refused by the API.
  const reporterFilter = looksLikeAddress(reporter.trim()) ? reporter.trim() : '';
  const list = usePaged(
    (cursor) =>
      api.reports.list({
        status,
        category,
        disposition,
        reporter: reporterFilter,
        since: dayStart(since),
        cursor,
        limit: 50,
      }),
    [api, status, category, disposition, reporterFilter, since],
  );
  const selection = useVerdictSelection<ReportSummary>();
  const columns: Column<ReportSummary>[] = [
    { header: t.reportedAt, cell: (r) => formatWhen(r.reportedAt) },
    {
      header: t.subject,
      cell: (r) => (
        <RouteLink to={route('reports', ['report', r.id])}>{r.subject ?? strings.common.noSubject}</RouteLink>
      ),
    },
    { header: t.reporter, cell: (r) => r.reporter.upn ?? r.reporter.oid },
    { header: t.categoryLabel, cell: (r) => strings.categoryNames[r.category] },
    { header: t.statusLabel, cell: (r) => strings.console.triageStates[r.status] },
    { header: t.verdictLabel, cell: (r) => <DispositionBadge disposition={r.disposition} /> },
  ];

  return (
    <>
      <FilterBar>
        <ChoiceFilter label={t.statusLabel} value={status} onChange={setStatus} choices={STATUS_CHOICES} />
        <ChoiceFilter
          label={t.categoryLabel}
          value={category}
          onChange={setCategory}
          choices={CATEGORY_CHOICES}
        />
        <ChoiceFilter
          label={t.verdictLabel}
          value={disposition}
          onChange={setDisposition}
          choices={VERDICT_CHOICES}
        />
        <TextFilter label={t.reporterLabel} type="email" value={reporter} onChange={setReporter} />
        <TextFilter label={t.sinceLabel} type="date" value={since} onChange={setSince} />
      </FilterBar>
      {selection ? (
        <BulkVerdict
          selection={selection}
          decide={(id, d) => api.reports.verdict(id, d)}
          onDone={list.reload}
        />
      ) : null}
      <PagedTable
        list={list}
        empty={t.noReports}
        label={t.reportsTable}
        columns={columns}
        rowKey={(r) => r.id}
        minWidth="48rem"
        selection={selection}
      />
    </>
  );
}
