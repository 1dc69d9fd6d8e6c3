// The audit log, newest first, filtered by action (or a prefix such as retraction.*), actor,
// target and time; and a check that the hash chain is whole (no row edited or removed).
import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { z } from 'zod';
import type { auditVerifySchema } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { LoadMore, Outcome } from '../../components/bits.js';
import { dayEnd, dayStart, formatWhen } from '../../components/format.js';
import { Section } from '../../components/Section.js';
import { usePaged } from '../../components/use-paged.js';
import { useConsole } from '../../context.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  scroll: { overflowX: 'auto' },
  table: { minWidth: '60rem' },
  details: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    margin: 0,
  },
});

interface Filter {
  action: string;
  actorId: string;
  targetId: string;
  since: string;
  until: string;
}

const EMPTY: Filter = { action: '', actorId: '', targetId: '', since: '', until: '' };

function Verify() {
  const { api } = useConsole();
  const t = strings.console.audit;
  const [state, setState] = useState<{
    busy: boolean;
    result: z.infer<typeof auditVerifySchema> | null;
    error: unknown;
  }>({
    busy: false,
    result: null,
    error: null,
  });
  async function verify() {
    setState({ busy: true, result: null, error: null });
    try {
      setState({ busy: false, result: await api.audit.verify(), error: null });
    } catch (error) {
      setState({ busy: false, result: null, error });
    }
  }
  const { result } = state;
  return (
    <>
      <div>
        <Button onClick={() => void verify()} disabled={state.busy}>
          {state.busy ? t.verifying : t.verify}
        </Button>
      </div>
      {result?.valid ? <Outcome intent="success">{t.valid(result.checked, result.headSeq)}</Outcome> : null}
      {result && !result.valid ? (
        <Outcome intent="error" title={t.broken}>
          {t.brokenAt(result.brokenAt ?? null, result.problem ? t.problems[result.problem] : '—')}
        </Outcome>
      ) : null}
      {state.error ? <ErrorState error={state.error} /> : null}
    </>
  );
}

export function AuditPage() {
  const styles = useStyles();
  const { api } = useConsole();
  const t = strings.console.audit;
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const list = usePaged(
    (cursor) =>
      api.audit.list({
        action: filter.action.trim(),
        actorId: filter.actorId.trim(),
        targetId: filter.targetId.trim(),
        since: dayStart(filter.since),
        until: dayEnd(filter.until),
        cursor,
        limit: 100,
      }),
    [api, filter],
  );
  const field = (key: keyof Filter) => ({
    value: draft[key],
    onChange: (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [key]: data.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...draft });
  };

  return (
    <>
      <Section title={t.verifyHeading}>
        <Verify />
      </Section>
      <Section title={t.eventsHeading}>
        <form className={styles.form} onSubmit={submit} aria-label={t.filterLabel}>
          <Field label={t.action} hint={t.actionHint}>
            <Input {...field('action')} />
          </Field>
          <Field label={t.actor}>
            <Input {...field('actorId')} />
          </Field>
          <Field label={t.target}>
            <Input {...field('targetId')} />
          </Field>
          <Field label={t.since}>
            <Input type="date" {...field('since')} />
          </Field>
          <Field label={t.until}>
            <Input type="date" {...field('until')} />
          </Field>
          <Button type="submit" appearance="primary">
            {t.apply}
          </Button>
        </form>
        {list.status === 'loading' ? <LoadingState /> : null}
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' && !list.items.length ? <EmptyState>{t.empty}</EmptyState> : null}
        {list.items.length ? (
          <div className={styles.scroll}>
            <Table size="small" className={styles.table} aria-label={t.eventsHeading}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>#</TableHeaderCell>
                  <TableHeaderCell>{t.when}</TableHeaderCell>
                  <TableHeaderCell>{t.actor}</TableHeaderCell>
                  <TableHeaderCell>{t.action}</TableHeaderCell>
                  <TableHeaderCell>{t.target}</TableHeaderCell>
                  <TableHeaderCell>{t.outcome}</TableHeaderCell>
                  <TableHeaderCell>{t.details}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((e) => (
                  <TableRow key={e.seq}>
                    <TableCell>{e.seq}</TableCell>
                    <TableCell>{formatWhen(e.occurredAt)}</TableCell>
                    <TableCell>{e.actorName ?? e.actorId ?? e.actorType}</TableCell>
                    <TableCell>{e.action}</TableCell>
                    <TableCell>{e.targetId ? `${e.targetType ?? ''} ${e.targetId}`.trim() : '—'}</TableCell>
                    <TableCell>{e.outcome}</TableCell>
                    <TableCell>
                      {Object.keys(e.details).length ? (
                        <details>
                          <summary>{t.show}</summary>
                          <pre className={styles.details}>{JSON.stringify(e.details, null, 2)}</pre>
                        </details>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
        <LoadMore visible={list.hasMore} busy={list.loadingMore} onClick={list.loadMore} />
      </Section>
    </>
  );
}
