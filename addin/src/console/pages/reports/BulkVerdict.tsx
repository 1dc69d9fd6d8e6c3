// One verdict for many selected campaigns or reports, sent one at a time (each may start its own
// retraction), with a count of what went through.
import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Disposition } from '@clawback/shared';
import { describeError } from '../../../api/describe-error.js';
import { strings } from '../../../strings.js';
import { Outcome } from '../../components/bits.js';
import type { Selection } from '../../components/use-selection.js';
import { DispositionSelect } from './VerdictPanel.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function BulkVerdict({
  selection,
  decide,
  onDone,
}: {
  selection: Pick<Selection, 'selected' | 'clear'>;
  decide: (id: string, disposition: Disposition) => Promise<unknown>;
  /** After the last verdict, with the ticks cleared: for the list to read its rows again. */
  onDone: () => void;
}) {
  const styles = useStyles();
  const ids = [...selection.selected];
  const t = strings.console.reports;
  const [choice, setChoice] = useState<Disposition | ''>('');
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<{ ok: number; failed: string[] } | null>(null);

  async function apply() {
    if (!choice) return;
    setBusy(true);
    const failed: string[] = [];
    let ok = 0;
    for (const id of ids) {
      try {
        await decide(id, choice);
        ok++;
      } catch (error) {
        failed.push(describeError(error));
      }
    }
    setBusy(false);
    setSummary({ ok, failed });
    selection.clear();
    onDone();
  }

  return (
    <>
      {ids.length ? (
        <div className={styles.bar} role="group" aria-label={t.bulkLabel}>
          <Text>{t.selected(ids.length)}</Text>
          <DispositionSelect value={choice} onChange={setChoice} label={t.bulkVerdictLabel} />
          <Button appearance="primary" disabled={!choice || busy} onClick={() => void apply()}>
            {busy ? strings.console.common.saving : t.applyVerdict(ids.length)}
          </Button>
        </div>
      ) : null}
      {summary ? (
        <Outcome intent={summary.failed.length ? 'warning' : 'success'}>
          {t.bulkDone(summary.ok, summary.failed.length)}
          {summary.failed.length ? ` ${[...new Set(summary.failed)].join(' ')}` : ''}
        </Outcome>
      ) : null}
    </>
  );
}
