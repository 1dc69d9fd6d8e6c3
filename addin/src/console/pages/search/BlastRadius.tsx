// Where a message landed, from a plan (dry run): how many mailboxes hold a copy, how many people
// have read it, and which folders the copies are in.
import { ProgressBar, makeStyles } from '@fluentui/react-components';
import type { Retraction } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { Facts } from '../../components/bits.js';
import { DataTable } from '../../components/DataTable.js';
import { formatCount } from '../../components/format.js';

type Plan = NonNullable<Retraction['plan']>;

const useStyles = makeStyles({ bar: { minWidth: '8rem' } });

export function folderName(folder: string | null): string {
  if (!folder) return strings.console.search.unknownFolder;
  return strings.console.folders[folder] ?? folder;
}

export function BlastRadius({ plan }: { plan: Plan }) {
  const styles = useStyles();
  const t = strings.console.search;
  const folders = Object.entries(plan.byFolder).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <Facts
        items={[
          [t.mailboxesSearched, formatCount(plan.mailboxes)],
          [t.mailboxesWithCopies, formatCount(plan.withCopies)],
          [t.copies, formatCount(plan.copies)],
          [t.readState, t.readUnread(plan.read, plan.unread)],
          [t.skipped, formatCount(plan.skipped)],
        ]}
      />
      {folders.length ? (
        <DataTable
          label={t.byFolder}
          columns={[
            { header: t.folder, cell: ([folder]) => folderName(folder) },
            { header: t.copies, cell: ([, count]) => formatCount(count) },
            {
              header: t.share,
              cell: ([folder, count]) => (
                <ProgressBar
                  className={styles.bar}
                  value={plan.copies ? count / plan.copies : 0}
                  max={1}
                  aria-label={t.shareOf(folderName(folder))}
                />
              ),
            },
          ]}
          rows={folders}
          rowKey={([folder]) => folder}
        />
      ) : null}
      {plan.notes.length ? (
        <ul>
          {plan.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
