// A cursor-paged list as a table: loading, a failure with a retry, an empty message, the rows, and
// "Load more" while the API has more.
import { EmptyState, ErrorState, LoadingState } from '../../ui/StateViews.js';
import { LoadMore } from './bits.js';
import { DataTable, type DataTableProps } from './DataTable.js';
import type { PagedState } from './use-paged.js';

export function PagedTable<T>({
  list,
  empty,
  ...table
}: { list: PagedState<T>; empty: string } & Omit<DataTableProps<T>, 'rows'>) {
  return (
    <>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && !list.items.length ? <EmptyState>{empty}</EmptyState> : null}
      {list.items.length ? <DataTable rows={list.items} {...table} /> : null}
      <LoadMore visible={list.hasMore} busy={list.loadingMore} onClick={list.loadMore} />
    </>
  );
}
