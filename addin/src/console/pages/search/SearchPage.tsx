// Search → plan → retract. Searches the message index (copies seen by reports, collection and
// earlier retractions); a message the index does not know can still be planned by its id, and the
// plan searches every mailbox live.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Card, Caption1, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { LoadMore } from '../../components/bits.js';
import { dayEnd, dayStart, formatWhen } from '../../components/format.js';
import { usePaged } from '../../components/use-paged.js';
import { useCan, useConsole } from '../../context.js';
import { folderName } from './BlastRadius.js';
import { groupCopies, isInternetMessageId } from './message-groups.js';
import { PlanPanel } from './PlanPanel.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
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
  const { api, route } = useConsole();
  const can = useCan();
  const t = strings.console.search;
  const [draft, setDraft] = useState<Query>({
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

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!hasCriteria(draft) || idInvalid) return;
    setPlanning(null);
    setQuery({ ...draft });
  }

  const field = (key: keyof Query) => ({
    value: draft[key],
    onChange: (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [key]: data.value })),
  });
  const typedId = query?.internetMessageId.trim() ?? '';

  return (
    <>
      <form className={styles.form} onSubmit={submit} role="search" aria-label={t.formLabel}>
        <Field
          label={t.messageId}
          validationMessage={idInvalid ? t.messageIdInvalid : undefined}
          validationState={idInvalid ? 'error' : 'none'}
        >
          <Input {...field('internetMessageId')} placeholder="<id@example.com>" />
        </Field>
        <Field label={t.sender}>
          <Input type="email" {...field('sender')} />
        </Field>
        <Field label={t.subject}>
          <Input {...field('subject')} />
        </Field>
        <Field label={t.receivedAfter}>
          <Input type="date" {...field('after')} />
        </Field>
        <Field label={t.receivedBefore}>
          <Input type="date" {...field('before')} />
        </Field>
        <Button type="submit" appearance="primary" disabled={!hasCriteria(draft) || idInvalid}>
          {t.search}
        </Button>
      </form>
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
        <ul className={styles.list} aria-label={t.resultsLabel}>
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
                <Caption1 className={styles.mono}>{g.internetMessageId}</Caption1>
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
