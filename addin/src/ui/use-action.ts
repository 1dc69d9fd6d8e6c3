// An action started from a button (approve, undo, retract, publish...): busy while it runs, so its
// buttons can be disabled, and its failure kept for the caller to show. Starting again clears the
// last failure.
import { useCallback, useState } from 'react';

export interface ActionState {
  busy: boolean;
  error: unknown;
  /** Runs the action and resolves once it has ended; never rejects (a failure lands in `error`). */
  run: (action: () => Promise<unknown>) => Promise<void>;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
