// Collections: the data sources (whose mail and calendar is collected, how often, how the last
// batch went), a form for a new one, or one source when the route names it.
import { useState } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { StateBadge } from '../../components/badges.js';
import { LoadMore } from '../../components/bits.js';
import { formatWhen } from '../../components/format.js';
import { Section } from '../../components/Section.js';
import { usePaged } from '../../components/use-paged.js';
import { useCan, useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { CollectionDetail } from './CollectionDetail.js';
import { CreateCollectionForm } from './CreateCollectionForm.js';
import { RouteLink } from '../../components/RouteLink.js';

const useStyles = makeStyles({ scroll: { overflowX: 'auto' }, table: { minWidth: '48rem' } });

export function CollectionsPage() {
  const { route: current } = useConsole();
  const [id] = current.segments;
  return id ? <CollectionDetail key={id} id={id} /> : <CollectionList />;
}

function CollectionList() {
  const styles = useStyles();
  const { api } = useConsole();
  const can = useCan();
  const t = strings.console.collections;
  const [creating, setCreating] = useState(false);
  const list = usePaged((cursor) => api.collections.list({ cursor, limit: 50 }), [api]);
  return (
    <>
      <Section
        title={t.sourcesHeading}
        actions={
          can('editPolicies') && !creating ? (
            <Button appearance="primary" onClick={() => setCreating(true)}>
              {t.newSource}
            </Button>
          ) : null
        }
      >
        {list.status === 'loading' ? <LoadingState /> : null}
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' && !list.items.length ? <EmptyState>{t.empty}</EmptyState> : null}
        {list.items.length ? (
          <div className={styles.scroll}>
            <Table size="small" className={styles.table} aria-label={t.sourcesHeading}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.name}</TableHeaderCell>
                  <TableHeaderCell>{t.type}</TableHeaderCell>
                  <TableHeaderCell>{t.monitored}</TableHeaderCell>
                  <TableHeaderCell>{t.lastBatch}</TableHeaderCell>
                  <TableHeaderCell>{t.nextWindow}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <RouteLink to={route('collections', [c.id])}>{c.name}</RouteLink>
                      {c.enabled ? '' : ` (${t.disabled})`}
                    </TableCell>
                    <TableCell>{t.types[c.type]}</TableCell>
                    <TableCell>
                      {t.monitoredCounts(
                        c.monitored.users.length,
                        c.monitored.groups.length,
                        c.monitored.domains.length,
                      )}
                    </TableCell>
                    <TableCell>
                      {c.lastBatch ? (
                        <StateBadge
                          ok={
                            c.lastBatch.status === 'completed'
                              ? true
                              : c.lastBatch.status === 'running'
                                ? null
                                : false
                          }
                        >
                          {t.batchStatuses[c.lastBatch.status]}
                        </StateBadge>
                      ) : (
                        t.noBatches
                      )}
                    </TableCell>
                    <TableCell>{formatWhen(c.nextWindowStart)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
        <LoadMore visible={list.hasMore} busy={list.loadingMore} onClick={list.loadMore} />
      </Section>
      {creating ? (
        <Section
          title={t.newHeading}
          actions={<Button onClick={() => setCreating(false)}>{strings.common.cancel}</Button>}
        >
          <CreateCollectionForm />
        </Section>
      ) : null}
    </>
  );
}
