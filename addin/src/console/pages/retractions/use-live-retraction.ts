// A retraction as it changes: the current view, then every server-sent event until it ends, with
// the time left from the server or, failing that, from the pace of the last half minute.
import { useCallback, useEffect, useState } from 'react';
import type { Retraction } from '@clawback/shared';
import type { ConsoleApi } from '../../../api/console-api.js';
import { followRetraction } from '../../../api/follow-retraction.js';
import { TERMINAL_RETRACTION_STATUSES } from '../../../api/schemas.js';
import { addSample, processedOf, secondsLeft, type ProgressSample } from '../../../taskpane/admin/eta.js';

export interface LiveRetraction {
  retraction: Retraction | null;
  error: unknown;
  etaSeconds: number | null;
  /** Take a newer view (the answer to approve, cancel...) and follow it again if it is not over. */
  replace(next: Retraction): void;
}

export function useLiveRetraction(api: ConsoleApi, id: string, now: () => number = Date.now): LiveRetraction {
  const [retraction, setRetraction] = useState<Retraction | null>(null);
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  const take = useCallback(
    (next: Retraction) => {
      setRetraction(next);
      setSamples((list) =>
        addSample(list, { at: now(), processed: processedOf(next.counts), total: next.counts.total }),
      );
    },
    [now],
  );

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    followRetraction(api, id, take, controller.signal).catch(
      (failure: unknown) => controller.signal.aborted || setError(failure),
    );
    return () => controller.abort();
  }, [api, id, take, generation]);

  const replace = useCallback(
    (next: Retraction) => {
      take(next);
      if (!TERMINAL_RETRACTION_STATUSES.has(next.status)) setGeneration((g) => g + 1);
    },
    [take],
  );

  const finished = retraction !== null && TERMINAL_RETRACTION_STATUSES.has(retraction.status);
  const etaSeconds =
    finished || retraction?.status !== 'running' ? null : (retraction.etaSeconds ?? secondsLeft(samples));
  return { retraction, error, etaSeconds, replace };
}
