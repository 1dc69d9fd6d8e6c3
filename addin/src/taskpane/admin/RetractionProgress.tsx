// Live progress of a retraction from the server-sent events stream: a bar, the counts, the status
// and the time left. If the stream ends before the retraction does, it says so: the retraction
// goes on on the server regardless.
import { useEffect, useState } from 'react';
import { Caption1, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Retraction } from '../../api/schemas.js';
import { TERMINAL_RETRACTION_STATUSES } from '../../api/schemas.js';
import { strings } from '../../strings.js';
import { ErrorState } from '../../ui/StateViews.js';
import { addSample, processedOf, secondsLeft, type ProgressSample } from './eta.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface RetractionProgressProps {
  retractionId: string;
  events: (id: string, signal: AbortSignal) => AsyncIterable<Retraction>;
  now?: () => number;
}

interface ProgressState {
  latest: Retraction | null;
  samples: ProgressSample[];
  ended: boolean;
  error: unknown;
}

export function RetractionProgress({ retractionId, events, now = Date.now }: RetractionProgressProps) {
  const styles = useStyles();
  const [state, setState] = useState<ProgressState>({ latest: null, samples: [], ended: false, error: null });

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      for await (const retraction of events(retractionId, controller.signal)) {
        const sample = {
          at: now(),
          processed: processedOf(retraction.counts),
          total: retraction.counts.total,
        };
        setState((s) => ({ ...s, latest: retraction, samples: addSample(s.samples, sample) }));
      }
      setState((s) => ({ ...s, ended: true }));
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) setState((s) => ({ ...s, ended: true, error }));
    });
    return () => controller.abort();
  }, [retractionId, events, now]);

  const { latest } = state;
  const total = latest?.counts.total ?? 0;
  const processed = latest ? processedOf(latest.counts) : 0;
  const finished = latest !== null && TERMINAL_RETRACTION_STATUSES.has(latest.status);
  // The server's estimate when it has one; our own from the events' pace otherwise.
  const left = latest?.etaSeconds ?? secondsLeft(state.samples);
  const eta = finished ? null : left === null ? strings.progress.etaUnknown : strings.progress.eta(left);

  return (
    <div className={styles.root} aria-live="polite">
      <Field
        label={strings.progress.label}
        validationState={
          latest?.status === 'failed' || latest?.status === 'completedWithErrors' ? 'warning' : 'none'
        }
        validationMessage={latest ? strings.statusNames[latest.status] : strings.common.loading}
      >
        <ProgressBar
          value={total > 0 ? processed / total : undefined}
          max={1}
          thickness="large"
          aria-valuetext={strings.progress.counts(processed, total)}
        />
      </Field>
      {latest ? (
        <>
          <Text>{strings.progress.counts(processed, total)}</Text>
          <Caption1>{strings.progress.breakdown(latest.counts)}</Caption1>
        </>
      ) : null}
      {eta ? <Caption1>{eta}</Caption1> : null}
      {state.error ? <ErrorState error={state.error} /> : null}
      {state.ended && !finished && !state.error ? (
        <Caption1>{strings.progress.connectionLost}</Caption1>
      ) : null}
    </div>
  );
}
