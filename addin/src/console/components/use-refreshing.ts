// Like useAsync, but a refresh keeps showing what was there until the new answer arrives, for data
// that is polled while something runs (a sync, a consent in another window).
import { useCallback, useEffect, useRef, useState } from 'react';

export type RefreshingState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: unknown }
  | { status: 'error'; data: null; error: unknown };

export function useRefreshing<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<RefreshingState<T>>({ status: 'loading', data: null, error: null });
  const loadRef = useRef(load);
  loadRef.current = load;
  const ticket = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++ticket.current;
    return loadRef.current().then(
      (data) => {
        if (mine === ticket.current) setState({ status: 'ready', data, error: null });
      },
      (error: unknown) => {
        if (mine !== ticket.current) return;
        // A failed refresh keeps the last good data and says what went wrong beside it.
        setState((s) => (s.status === 'ready' ? { ...s, error } : { status: 'error', data: null, error }));
      },
    );
  }, []);

  useEffect(() => {
    setState({ status: 'loading', data: null, error: null });
    void refresh();
    // The caller's deps decide when to start again, as with useEffect.
  }, [...deps, refresh]);

  return { ...state, refresh };
}
