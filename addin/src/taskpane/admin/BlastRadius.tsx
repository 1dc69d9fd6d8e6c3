// Where the open message landed, before anything is done to it: how many mailboxes hold a copy,
// how many copies were opened, and the folders they sit in.
import { useId } from 'react';
import { Caption1, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../../api/problem.js';
import { strings } from '../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../ui/StateViews.js';
import type { BlastRadiusState, Plan } from './use-blast-radius.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  group: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  folders: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  folder: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/** Names the planner gives copies whose folder it did not look up (large plans) or could not name. */
const UNNAMED_FOLDERS = new Set(['unknown', 'unnamed', 'other']);

export function folderName(folder: string): string {
  if (UNNAMED_FOLDERS.has(folder)) return strings.blastRadius.unknownFolder;
  return strings.console.folders[folder] ?? folder;
}

export function BlastRadius({ state, onRetry }: { state: BlastRadiusState; onRetry: () => void }) {
  const styles = useStyles();
  const headingId = useId();
  const t = strings.blastRadius;
  let body;
  if (state.status === 'planning') body = <LoadingState label={t.planning} />;
  else if (state.status === 'error')
    body =
      state.error instanceof ApiError && state.error.isRouteMissing ? (
        <EmptyState>{strings.admin.unavailable}</EmptyState>
      ) : (
        <ErrorState error={state.error} message={state.message} onRetry={onRetry} />
      );
  else if (state.plan.withCopies === 0)
    body = (
      <>
        <EmptyState>{t.none(state.plan.mailboxes)}</EmptyState>
        <Notes notes={state.plan.notes} />
      </>
    );
  else body = <Reach plan={state.plan} />;
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={state.status === 'planning'}
      className={styles.root}
      data-testid="blast-radius"
    >
      <h3 id={headingId}>{t.heading}</h3>
      {body}
    </section>
  );
}

function Reach({ plan }: { plan: Plan }) {
  const styles = useStyles();
  const t = strings.blastRadius;
  const folders = Object.entries(plan.byFolder).sort((a, b) => b[1] - a[1]);
  const facts: [string, string][] = [
    [t.mailboxes, t.mailboxesValue(plan.withCopies, plan.mailboxes)],
    [t.copies, String(plan.copies)],
    [t.readState, t.readValue(plan.read, plan.unread)],
    ...(plan.skipped ? [[t.skipped, String(plan.skipped)] as [string, string]] : []),
  ];
  return (
    <>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} className={styles.group}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {folders.length ? (
        <>
          <Text weight="semibold" as="h4" size={200}>
            {t.byFolder}
          </Text>
          <ul className={styles.folders} aria-label={t.byFolder}>
            {folders.map(([folder, count]) => (
              <li key={folder}>
                <div className={styles.folder}>
                  <Caption1>{folderName(folder)}</Caption1>
                  <Caption1>{t.folderCount(count)}</Caption1>
                </div>
                <ProgressBar
                  value={plan.copies ? count / plan.copies : 0}
                  max={1}
                  aria-label={t.folderShare(folderName(folder))}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Notes notes={plan.notes} />
    </>
  );
}

/** What the planner wants the admin to know: mailboxes left out, and how to look further. */
function Notes({ notes }: { notes: readonly string[] }) {
  const styles = useStyles();
  if (!notes.length) return null;
  return (
    <ul className={styles.notes}>
      {notes.map((note) => (
        <li key={note}>
          <Caption1>{note}</Caption1>
        </li>
      ))}
    </ul>
  );
}
