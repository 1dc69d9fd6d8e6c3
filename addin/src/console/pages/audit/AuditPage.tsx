// The audit log, newest first, filtered by action (or a prefix such as retraction.*), actor,
// target and time; and a check that the hash chain is whole (no row edited or removed).
import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { z } from 'zod';
import type { AuditEvent, auditVerifySchema } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { Outcome } from '../../components/bits.js';
import type { Column } from '../../components/DataTable.js';
import { FilterBar, TextFilter } from '../../components/FilterBar.js';
import { dayEnd, dayStart, formatWhen } from '../../components/format.js';
import { PagedTable } from '../../components/PagedTable.js';
import { Section } from '../../components/Section.js';
import { useDraft } from '../../components/use-draft.js';
import { usePaged } from '../../components/use-paged.js';
import { useConsole } from '../../context.js';

const useStyles = makeStyles({
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
  const { draft, bind } = useDraft<Filter>(EMPTY);
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
  const columns: Column<AuditEvent>[] = [
    { header: '#', cell: (e) => e.seq },
    { header: t.when, cell: (e) => formatWhen(e.occurredAt) },
    { header: t.actor, cell: (e) => e.actorName ?? e.actorId ?? e.actorType },
    { header: t.action, cell: (e) => e.action },
    { header: t.target, cell: (e) => (e.targetId ? `${e.targetType ?? ''} ${e.targetId}`.trim() : '—') },
    { header: t.outcome, cell: (e) => e.outcome },
    {
      header: t.details,
      cell: (e) =>
        Object.keys(e.details).length ? (
          <details>
            <summary>{t.show}</summary>
            <pre className={styles.details}>{JSON.stringify(e.details, null, 2)}</pre>
          </details>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <Section title={t.verifyHeading}>
        <Verify />
      </Section>
      <Section title={t.eventsHeading}>
        <FilterBar onSubmit={() => setFilter({ ...draft })} label={t.filterLabel}>
          <TextFilter label={t.action} hint={t.actionHint} {...bind('action')} />
          <TextFilter label={t.actor} {...bind('actorId')} />
          <TextFilter label={t.target} {...bind('targetId')} />
          <TextFilter label={t.since} type="date" {...bind('since')} />
          <TextFilter label={t.until} type="date" {...bind('until')} />
          <Button type="submit" appearance="primary">
            {t.apply}
          </Button>
        </FilterBar>
        <PagedTable
          list={list}
          empty={t.empty}
          label={t.eventsHeading}
          columns={columns}
          rowKey={(e) => String(e.seq)}
          minWidth="60rem"
        />
      </Section>
    </>
  );
}
