// Single reports: who reported what and when, filtered, with one verdict for many.
import { useState } from 'react';
import {
  Checkbox,
  Field,
  Input,
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
import { DISPOSITIONS, REPORT_CATEGORIES, TRIAGE_STATUSES } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { DispositionBadge } from '../../components/badges.js';
import { LoadMore } from '../../components/bits.js';
import { dayStart, formatWhen } from '../../components/format.js';
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

const looksLikeAddress = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export function ReportList() {
  const styles = useStyles();
  const { api } = useConsole();
  const can = useCan();
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
  const { selected, toggle, setAll, clear } = useSelection();
  const selectable = can('setVerdicts');
  const ids = list.items.map((r) => r.id);

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
        <Field label={t.categoryLabel}>
          <Select value={category} onChange={(_, d) => setCategory(d.value)}>
            <option value="">{strings.console.common.any}</option>
            {REPORT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {strings.categoryNames[c]}
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
        <Field label={t.reporterLabel}>
          <Input type="email" value={reporter} onChange={(_, d) => setReporter(d.value)} />
        </Field>
        <Field label={t.sinceLabel}>
          <Input type="date" value={since} onChange={(_, d) => setSince(d.value)} />
        </Field>
      </div>
      {selectable ? (
        <BulkVerdict
          ids={[...selected]}
          decide={(id, d) => api.reports.verdict(id, d)}
          onDone={() => {
            clear();
            list.reload();
          }}
        />
      ) : null}
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && !list.items.length ? <EmptyState>{t.noReports}</EmptyState> : null}
      {list.items.length ? (
        <div className={styles.scroll}>
          <Table className={styles.table} aria-label={t.reportsTable} size="small">
            <TableHeader>
              <TableRow>
                {selectable ? (
                  <TableHeaderCell>
                    <Checkbox
                      aria-label={t.selectAll}
                      checked={ids.length > 0 && ids.every((id) => selected.has(id))}
                      onChange={(_, d) => setAll(ids, !!d.checked)}
                    />
                  </TableHeaderCell>
                ) : null}
                <TableHeaderCell>{t.reportedAt}</TableHeaderCell>
                <TableHeaderCell>{t.subject}</TableHeaderCell>
                <TableHeaderCell>{t.reporter}</TableHeaderCell>
                <TableHeaderCell>{t.categoryLabel}</TableHeaderCell>
                <TableHeaderCell>{t.statusLabel}</TableHeaderCell>
                <TableHeaderCell>{t.verdictLabel}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((r) => (
                <TableRow key={r.id}>
                  {selectable ? (
                    <TableCell>
                      <Checkbox
                        aria-label={t.selectRow(r.subject ?? strings.common.noSubject)}
                        checked={selected.has(r.id)}
                        onChange={() => toggle(r.id)}
                      />
                    </TableCell>
                  ) : null}
                  <TableCell>{formatWhen(r.reportedAt)}</TableCell>
                  <TableCell>
                    <RouteLink to={route('reports', ['report', r.id])}>
                      {r.subject ?? strings.common.noSubject}
                    </RouteLink>
                  </TableCell>
                  <TableCell>{r.reporter.upn ?? r.reporter.oid}</TableCell>
                  <TableCell>{strings.categoryNames[r.category]}</TableCell>
                  <TableCell>{strings.console.triageStates[r.status]}</TableCell>
                  <TableCell>
                    <DispositionBadge disposition={r.disposition} />
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
