// A cursor-paged list: the first page on load (and whenever the query changes), more on demand.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedState<T> {
  status: 'loading' | 'ready' | 'error';
  items: T[];
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

export function usePaged<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  deps: readonly unknown[],
): PagedState<T> {
  const [state, setState] = useState<{
    status: PagedState<T>['status'];
    items: T[];
    error: unknown;
    cursor: string | null;
  }>({ status: 'loading', items: [], error: null, cursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ticket = ++current.current;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    loadRef.current(undefined).then(
      (page) =>
        ticket === current.current &&
        setState({ status: 'ready', items: page.items, error: null, cursor: page.nextCursor }),
      (error: unknown) =>
        ticket === current.current && setState({ status: 'error', items: [], error, cursor: null }),
    );
    // The caller's deps decide when to start again, as with useEffect.
  }, [...deps, generation]);

  const loadMore = useCallback(() => {
    const cursor = state.cursor;
    if (!cursor || loadingMore) return;
    const ticket = current.current;
    setLoadingMore(true);
    loadRef
      .current(cursor)
      .then(
        (page) =>
          ticket === current.current &&
          setState((s) => ({ ...s, items: [...s.items, ...page.items], cursor: page.nextCursor })),
        (error: unknown) => ticket === current.current && setState((s) => ({ ...s, error })),
      )
      .finally(() => setLoadingMore(false));
  }, [state.cursor, loadingMore]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {
    status: state.status,
    items: state.items,
    error: state.error,
    hasMore: state.cursor !== null,
    loadingMore,
    loadMore,
    reload,
  };
}
