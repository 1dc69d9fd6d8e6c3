// Collections: the data sources (whose mail and calendar is collected, how often, how the last
// batch went), a form for a new one, or one source when the route names it.
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { BatchStatus, Collection } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { StateBadge } from '../../components/badges.js';
import type { Column } from '../../components/DataTable.js';
import { formatWhen } from '../../components/format.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RouteLink } from '../../components/RouteLink.js';
import { Section } from '../../components/Section.js';
import { usePaged } from '../../components/use-paged.js';
import { useCan, useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { CollectionDetail } from './CollectionDetail.js';
import { CreateCollectionForm } from './CreateCollectionForm.js';

/** A batch that is still running is neither good nor bad yet. */
const batchOk = (status: BatchStatus) =>
  status === 'completed' ? true : status === 'running' ? null : false;

export function CollectionsPage() {
  const { route: current } = useConsole();
  const [id] = current.segments;
  return id ? <CollectionDetail key={id} id={id} /> : <CollectionList />;
}

function CollectionList() {
  const { api } = useConsole();
  const can = useCan();
  const t = strings.console.collections;
  const [creating, setCreating] = useState(false);
  const list = usePaged((cursor) => api.collections.list({ cursor, limit: 50 }), [api]);
  const columns: Column<Collection>[] = [
    {
      header: t.name,
      cell: (c) => (
        <>
          <RouteLink to={route('collections', [c.id])}>{c.name}</RouteLink>
          {c.enabled ? '' : ` (${t.disabled})`}
        </>
      ),
    },
    { header: t.type, cell: (c) => t.types[c.type] },
    {
      header: t.monitored,
      cell: (c) =>
        t.monitoredCounts(c.monitored.users.length, c.monitored.groups.length, c.monitored.domains.length),
    },
    {
      header: t.lastBatch,
      cell: (c) =>
        c.lastBatch ? (
          <StateBadge ok={batchOk(c.lastBatch.status)}>{t.batchStatuses[c.lastBatch.status]}</StateBadge>
        ) : (
          t.noBatches
        ),
    },
    { header: t.nextWindow, cell: (c) => formatWhen(c.nextWindowStart) },
  ];
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
        <PagedTable
          list={list}
          empty={t.empty}
          label={t.sourcesHeading}
          columns={columns}
          rowKey={(c) => c.id}
          minWidth="48rem"
        />
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
