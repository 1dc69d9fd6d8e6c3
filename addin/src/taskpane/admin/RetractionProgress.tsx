// Live progress of a retraction (or of its undo) from the server-sent events stream: a bar, the
// counts, the status and, while it runs, the time left. If the stream ends before the retraction
// does, it says so: the retraction goes on on the server regardless.
import { useEffect, useRef, useState } from 'react';
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
  /** The bar's label; the retraction's by default. */
  label?: string;
  /** Each state as it arrives, for whoever shows more of the retraction than its progress. */
  onUpdate?: (retraction: Retraction) => void;
}

interface ProgressState {
  latest: Retraction | null;
  samples: ProgressSample[];
  ended: boolean;
  error: unknown;
}

export function RetractionProgress({
  retractionId,
  events,
  now = Date.now,
  label = strings.progress.label,
  onUpdate,
}: RetractionProgressProps) {
  const styles = useStyles();
  const [state, setState] = useState<ProgressState>({ latest: null, samples: [], ended: false, error: null });
  // The latest callback without restarting the stream when the parent renders a new one.
  const onUpdateRef = useRef(onUpdate);
  useEffect(() => {
    onUpdateRef.current = onUpdate;
  });

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      for await (const retraction of events(retractionId, controller.signal)) {
        const sample = {
          at: now(),
          processed: processedOf(retraction.counts),
          total: retraction.counts.total,
        };
        // Only a running retraction sets a pace: time spent waiting for an approver is not.
        const running = retraction.status === 'running';
        setState((s) => ({
          ...s,
          latest: retraction,
          samples: running ? addSample(s.samples, sample) : s.samples,
        }));
        onUpdateRef.current?.(retraction);
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
  // The server's estimate when it has one; our own from the events' pace otherwise. Only a running
  // retraction has a time left: one waiting for approval waits for a person.
  const left = latest?.etaSeconds ?? secondsLeft(state.samples);
  const eta =
    latest?.status !== 'running'
      ? null
      : left === null
        ? strings.progress.etaUnknown
        : strings.progress.eta(left);

  return (
    <div className={styles.root} role="group" aria-label={label} aria-live="polite">
      <Field
        label={label}
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
