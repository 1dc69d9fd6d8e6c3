// Campaigns (one attack, many reports): filters, the list, ticking rows for one verdict on many.
import { useState } from 'react';
import {
  Checkbox,
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
import { DISPOSITIONS, TRIAGE_STATUSES, type CampaignSummary } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { DispositionBadge } from '../../components/badges.js';
import { LoadMore } from '../../components/bits.js';
import { formatCount, formatWhen } from '../../components/format.js';
import { usePaged } from '../../components/use-paged.js';
import { useCan, useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { BulkVerdict } from './BulkVerdict.js';
import { useSelection } from './selection.js';
import { RouteLink } from '../../components/RouteLink.js';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  table: { minWidth: '48rem' },
  scroll: { overflowX: 'auto' },
});

export function CampaignList() {
  const styles = useStyles();
  const { api } = useConsole();
  const can = useCan();
  const t = strings.console.reports;
  const [status, setStatus] = useState('');
  const [disposition, setDisposition] = useState('');
  const [sort, setSort] = useState('-lastSeen');
  const list = usePaged(
    (cursor) => api.campaigns.list({ status, disposition, sort, cursor, limit: 50 }),
    [api, status, disposition, sort],
  );
  const { selected, toggle, setAll, clear } = useSelection();
  const selectable = can('setVerdicts');
  const ids = list.items.map((c) => c.id);
  const allTicked = ids.length > 0 && ids.every((id) => selected.has(id));

  return (
    <>
      <div className={styles.filters}>
        <Field label={t.statusLabel}>
          <Select value={status} onChange={(_, d) => setStatus(d.value)}>
            <option value="">{strings.console.common.any}</option>
            {TRIAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {strings.console.triageStates[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.verdictLabel}>
          <Select value={disposition} onChange={(_, d) => setDisposition(d.value)}>
            <option value="">{strings.console.common.any}</option>
            <option value="none">{t.noVerdict}</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {strings.dispositionNames[d]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.sortLabel}>
          <Select value={sort} onChange={(_, d) => setSort(d.value)}>
            <option value="-lastSeen">{t.sorts.recent}</option>
            <option value="lastSeen">{t.sorts.oldest}</option>
            <option value="-reporterCount">{t.sorts.reporters}</option>
          </Select>
        </Field>
      </div>
      {selectable ? (
        <BulkVerdict
          ids={[...selected]}
          decide={(id, d) => api.campaigns.verdict(id, d)}
          onDone={() => {
            clear();
            list.reload();
          }}
        />
      ) : null}
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && !list.items.length ? <EmptyState>{t.noCampaigns}</EmptyState> : null}
      {list.items.length ? (
        <div className={styles.scroll}>
          <Table className={styles.table} aria-label={t.campaignsTable} size="small">
            <TableHeader>
              <TableRow>
                {selectable ? (
                  <TableHeaderCell>
                    <Checkbox
                      aria-label={t.selectAll}
                      checked={allTicked}
                      onChange={(_, d) => setAll(ids, !!d.checked)}
                    />
                  </TableHeaderCell>
                ) : null}
                <TableHeaderCell>{t.subject}</TableHeaderCell>
                <TableHeaderCell>{t.sender}</TableHeaderCell>
                <TableHeaderCell>{t.reporters}</TableHeaderCell>
                <TableHeaderCell>{t.recipients}</TableHeaderCell>
                <TableHeaderCell>{t.lastSeen}</TableHeaderCell>
                <TableHeaderCell>{t.statusLabel}</TableHeaderCell>
                <TableHeaderCell>{t.verdictLabel}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((c: CampaignSummary) => (
                <TableRow key={c.id}>
                  {selectable ? (
                    <TableCell>
                      <Checkbox
                        aria-label={t.selectRow(c.subject ?? strings.common.noSubject)}
                        checked={selected.has(c.id)}
                        onChange={() => toggle(c.id)}
                      />
                    </TableCell>
                  ) : null}
                  <TableCell>
                    <RouteLink to={route('reports', ['campaign', c.id])}>
                      {c.subject ?? strings.common.noSubject}
                    </RouteLink>
                  </TableCell>
                  <TableCell>{c.sender ?? strings.common.unknownSender}</TableCell>
                  <TableCell>{t.reporterCount(c.reporterCount, c.reportCount)}</TableCell>
                  <TableCell>{formatCount(c.estimatedRecipients)}</TableCell>
                  <TableCell>{formatWhen(c.lastSeen)}</TableCell>
                  <TableCell>{strings.console.triageStates[c.status]}</TableCell>
                  <TableCell>
                    <DispositionBadge disposition={c.disposition} />
                  </TableCell>
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
