// Campaigns (one attack, many reports): filters, the list, ticking rows for one verdict on many.
import { useState } from 'react';
import type { CampaignSummary } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { DispositionBadge } from '../../components/badges.js';
import type { Column } from '../../components/DataTable.js';
import { ChoiceFilter, FilterBar, type Choice } from '../../components/FilterBar.js';
import { formatCount, formatWhen } from '../../components/format.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RouteLink } from '../../components/RouteLink.js';
import { usePaged } from '../../components/use-paged.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { BulkVerdict } from './BulkVerdict.js';
import { STATUS_CHOICES, VERDICT_CHOICES } from './filter-choices.js';
import { useVerdictSelection } from './verdict-selection.js';

const SORT_CHOICES: readonly Choice[] = [
  ['-lastSeen', strings.console.reports.sorts.recent],
  ['lastSeen', strings.console.reports.sorts.oldest],
  ['-reporterCount', strings.console.reports.sorts.reporters],
];

export function CampaignList() {
  const { api } = useConsole();
  const t = strings.console.reports;
  const [status, setStatus] = useState('');
  const [disposition, setDisposition] = useState('');
  const [sort, setSort] = useState('-lastSeen');
  const list = usePaged(
    (cursor) => api.campaigns.list({ status, disposition, sort, cursor, limit: 50 }),
    [api, status, disposition, sort],
  );
  const selection = useVerdictSelection<CampaignSummary>();
  const columns: Column<CampaignSummary>[] = [
    {
      header: t.subject,
      cell: (c) => (
        <RouteLink to={route('reports', ['campaign', c.id])}>
          {c.subject ?? strings.common.noSubject}
        </RouteLink>
      ),
    },
    { header: t.sender, cell: (c) => c.sender ?? strings.common.unknownSender },
    { header: t.reporters, cell: (c) => t.reporterCount(c.reporterCount, c.reportCount) },
    { header: t.recipients, cell: (c) => formatCount(c.estimatedRecipients) },
    { header: t.lastSeen, cell: (c) => formatWhen(c.lastSeen) },
    { header: t.statusLabel, cell: (c) => strings.console.triageStates[c.status] },
    { header: t.verdictLabel, cell: (c) => <DispositionBadge disposition={c.disposition} /> },
  ];

  return (
    <>
      <FilterBar>
        <ChoiceFilter label={t.statusLabel} value={status} onChange={setStatus} choices={STATUS_CHOICES} />
        <ChoiceFilter
          label={t.verdictLabel}
          value={disposition}
          onChange={setDisposition}
          choices={VERDICT_CHOICES}
        />
        <ChoiceFilter
          label={t.sortLabel}
          value={sort}
          onChange={setSort}
          choices={SORT_CHOICES}
          anyChoice={false}
        />
      </FilterBar>
      {selection ? (
        <BulkVerdict
          selection={selection}
          decide={(id, d) => api.campaigns.verdict(id, d)}
          onDone={list.reload}
        />
      ) : null}
      <PagedTable
        list={list}
        empty={t.noCampaigns}
        label={t.campaignsTable}
        columns={columns}
        rowKey={(c) => c.id}
        minWidth="48rem"
        selection={selection}
      />
    </>
  );
}
