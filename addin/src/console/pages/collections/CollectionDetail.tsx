// One data source: whom it monitors and how, its batches, "collect now", turning it on or off,
// and exports (JSON Lines, EML digest, iCalendar) of a batch for those who may hand mail out.
import { useState } from 'react';
import { Button, Field, Select } from '@fluentui/react-components';
import { EXPORT_FORMATS, type ExportFormat } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { useAction } from '../../../ui/use-action.js';
import { useAsync } from '../../../ui/use-async.js';
import { Facts, Outcome, RefreshButton } from '../../components/bits.js';
import { saveDownload } from '../../components/download.js';
import { formatWhen } from '../../components/format.js';
import { useListStyles } from '../../components/list-styles.js';
import { Section } from '../../components/Section.js';
import { usePaged } from '../../components/use-paged.js';
import { useCan, useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { BatchesTable } from './BatchesTable.js';
import { RouteLink } from '../../components/RouteLink.js';

export function CollectionDetail({ id }: { id: string }) {
  const styles = useListStyles();
  const { api } = useConsole();
  const can = useCan();
  const t = strings.console.collections;
  const source = useAsync(() => api.collections.get(id), [api, id]);
  const batches = usePaged((cursor) => api.collections.batches(id, { cursor, limit: 20 }), [api, id]);
  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const [batchId, setBatchId] = useState('');
  const { busy, error, run: runAction } = useAction();
  const [note, setNote] = useState<string | null>(null);

  const act = (work: () => Promise<unknown>) => {
    setNote(null);
    return runAction(work);
  };

  const back = (
    <div>
      <RouteLink to={route('collections')}>{t.back}</RouteLink>
    </div>
  );
  if (source.status === 'loading')
    return (
      <>
        {back}
        <LoadingState />
      </>
    );
  if (source.status === 'error')
    return (
      <>
        {back}
        <ErrorState error={source.error} onRetry={source.reload} />
      </>
    );
  const c = source.data;
  const chosenBatch = batchId || batches.items[0]?.id || '';
  return (
    <>
      {back}
      <Section
        title={c.name}
        actions={
          can('editPolicies') ? (
            <>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() =>
                  void act(
                    async () => (await api.collections.run(id), setNote(t.runStarted), batches.reload()),
                  )
                }
              >
                {t.runNow}
              </Button>
              <Button
                disabled={busy}
                onClick={() =>
                  void act(
                    async () => (await api.collections.update(id, { enabled: !c.enabled }), source.reload()),
                  )
                }
              >
                {c.enabled ? t.disable : t.enable}
              </Button>
            </>
          ) : null
        }
      >
        <Facts
          items={[
            [t.type, t.types[c.type]],
            [t.state, c.enabled ? t.enabled : t.disabled],
            [t.users, c.monitored.users.join(', ') || '—'],
            [t.groups, c.monitored.groups.join(', ') || '—'],
            [t.domains, c.monitored.domains.join(', ') || '—'],
            [t.frequency, t.everyMinutes(c.settings.frequencyMinutes)],
            [t.drafts, c.settings.collectDrafts ? t.yes : t.no],
            [t.perJob, String(c.settings.monitoredIndividualsPerJob)],
            [
              t.coldStart,
              c.settings.mergeBatchesDuringColdStart ? t.coldStartOn(c.settings.maxBatchesToMerge) : t.no,
            ],
            [t.offset, t.minutes(c.settings.collectionPeriodOffsetMinutes)],
            [t.collectFrom, formatWhen(c.collectFrom)],
            [t.nextWindow, formatWhen(c.nextWindowStart)],
            [t.createdBy, `${c.createdBy} · ${formatWhen(c.createdAt)}`],
          ]}
        />
        {note ? <Outcome intent="success">{note}</Outcome> : null}
        {error ? <ErrorState error={error} /> : null}
      </Section>
      {can('editPolicies') && batches.items.length ? (
        <Section title={t.exportHeading}>
          <div className={styles.fieldRow}>
            <Field label={t.exportBatch}>
              <Select value={chosenBatch} onChange={(_, d) => setBatchId(d.value)}>
                {batches.items.map((b) => (
                  <option key={b.id} value={b.id}>
                    {t.batchOption(b.seq, formatWhen(b.windowStart), formatWhen(b.windowEnd))}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.exportFormat}>
              <Select value={format} onChange={(_, d) => setFormat(d.value as ExportFormat)}>
                {EXPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t.formats[f]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={busy || !chosenBatch}
              onClick={() =>
                void act(async () =>
                  saveDownload(await api.collections.export(id, { format, batchId: chosenBatch })),
                )
              }
            >
              {t.download}
            </Button>
          </div>
        </Section>
      ) : null}
      <Section title={t.batchesHeading} actions={<RefreshButton onClick={batches.reload} />}>
        <BatchesTable batches={batches} />
      </Section>
    </>
  );
}
