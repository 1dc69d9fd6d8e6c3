// Search → plan → retract. Searches the message index (copies seen by reports, collection and
// earlier retractions); a message the index does not know can still be planned by its id, and the
// plan searches every mailbox live.
import { useEffect, useRef, useState } from 'react';
import { Button, Card, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { LoadMore } from '../../components/bits.js';
import { FilterBar, TextFilter } from '../../components/FilterBar.js';
import { dayEnd, dayStart, formatWhen } from '../../components/format.js';
import { useListStyles } from '../../components/list-styles.js';
import { useDraft } from '../../components/use-draft.js';
import { usePaged } from '../../components/use-paged.js';
import { useCan, useConsole } from '../../context.js';
import { folderName } from './BlastRadius.js';
import { groupCopies, isInternetMessageId } from './message-groups.js';
import { PlanPanel } from './PlanPanel.js';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

interface Query {
  internetMessageId: string;
  sender: string;
  subject: string;
  after: string;
  before: string;
}

const EMPTY: Query = { internetMessageId: '', sender: '', subject: '', after: '', before: '' };
const hasCriteria = (q: Query) => Object.values(q).some((v) => v.trim());

export function SearchPage() {
  const styles = useStyles();
  const shared = useListStyles();
  const { api, route } = useConsole();
  const can = useCan();
  const t = strings.console.search;
  const { draft, bind } = useDraft<Query>({
    ...EMPTY,
    internetMessageId: route.query.internetMessageId ?? '',
  });
  const [query, setQuery] = useState<Query | null>(hasCriteria(draft) ? draft : null);
  const [planning, setPlanning] = useState<{
    id: string;
    subject: string | null;
    everyMailbox: boolean;
  } | null>(null);
  const planArea = useRef<HTMLDivElement>(null);
  // A plan opened from a result far down the list is brought into view.
  useEffect(() => {
    if (planning) planArea.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [planning]);
  const idInvalid =
    draft.internetMessageId.trim() !== '' && !isInternetMessageId(draft.internetMessageId.trim());

  const results = usePaged(
    (cursor) =>
      query
        ? api.searchMessages({
            internetMessageId: query.internetMessageId.trim(),
            sender: query.sender.trim(),
            subject: query.subject.trim(),
            receivedAfter: dayStart(query.after),
            receivedBefore: dayEnd(query.before),
            cursor,
            limit: 200,
          })
        : Promise.resolve({ items: [], nextCursor: null }),
    [api, query],
  );
  const groups = groupCopies(results.items);

  function submit() {
    if (!hasCriteria(draft) || idInvalid) return;
    setPlanning(null);
    setQuery({ ...draft });
  }

  const typedId = query?.internetMessageId.trim() ?? '';

  return (
    <>
      <FilterBar onSubmit={submit} role="search" label={t.formLabel}>
        <TextFilter
          label={t.messageId}
          error={idInvalid ? t.messageIdInvalid : undefined}
          placeholder="<id@example.com>"
          {...bind('internetMessageId')}
        />
        <TextFilter label={t.sender} type="email" {...bind('sender')} />
        <TextFilter label={t.subject} {...bind('subject')} />
        <TextFilter label={t.receivedAfter} type="date" {...bind('after')} />
        <TextFilter label={t.receivedBefore} type="date" {...bind('before')} />
        <Button type="submit" appearance="primary" disabled={!hasCriteria(draft) || idInvalid}>
          {t.search}
        </Button>
      </FilterBar>
      <div ref={planArea}>
        {planning ? (
          <PlanPanel
            key={planning.id}
            internetMessageId={planning.id}
            subject={planning.subject}
            everyMailbox={planning.everyMailbox}
          />
        ) : null}
      </div>
      {!query ? <EmptyState>{t.intro}</EmptyState> : null}
      {query && results.status === 'loading' ? <LoadingState /> : null}
      {results.error ? <ErrorState error={results.error} onRetry={results.reload} /> : null}
      {query && results.status === 'ready' && !groups.length ? (
        <>
          <EmptyState>{t.noResults}</EmptyState>
          {can('retract') && isInternetMessageId(typedId) && planning?.id !== typedId ? (
            <div>
              <Button onClick={() => setPlanning({ id: typedId, subject: null, everyMailbox: true })}>
                {t.planAnyway}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
      {groups.length ? (
        <ul className={shared.stack} aria-label={t.resultsLabel}>
          {groups.map((g) => (
            <li key={g.internetMessageId}>
              <Card className={styles.card}>
                <Text weight="semibold">{g.subject ?? strings.common.noSubject}</Text>
                <Caption1>
                  {t.groupLine(
                    g.sender ?? strings.common.unknownSender,
                    formatWhen(g.receivedAt),
                    g.mailboxes,
                    g.read,
                  )}
                </Caption1>
                <Caption1>
                  {Object.entries(g.folders)
                    .map(([folder, n]) => `${folderName(folder || null)}: ${n}`)
                    .join(' · ')}
                  {g.removed ? ` · ${t.removed(g.removed)}` : ''}
                </Caption1>
                <Caption1 className={shared.mono}>{g.internetMessageId}</Caption1>
                {can('retract') ? (
                  <div className={styles.row}>
                    <Button
                      appearance={planning?.id === g.internetMessageId ? 'primary' : 'secondary'}
                      onClick={() =>
                        setPlanning({ id: g.internetMessageId, subject: g.subject, everyMailbox: false })
                      }
                    >
                      {t.planRetraction}
                    </Button>
                  </div>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore visible={results.hasMore} busy={results.loadingMore} onClick={results.loadMore} />
    </>
  );
}
