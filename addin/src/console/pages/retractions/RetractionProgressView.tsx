// Progress of a retraction: a bar over the mailboxes, the counts by outcome, and the time left.
import { Caption1, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Retraction } from '@clawback/shared';
import { TERMINAL_RETRACTION_STATUSES } from '../../../api/schemas.js';
import { strings } from '../../../strings.js';
import { processedOf } from '../../../taskpane/admin/eta.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function RetractionProgressView({
  retraction,
  etaSeconds,
}: {
  retraction: Retraction;
  etaSeconds: number | null;
}) {
  const styles = useStyles();
  const { counts, status } = retraction;
  const processed = processedOf(counts);
  const finished = TERMINAL_RETRACTION_STATUSES.has(status);
  const waiting = status === 'planning' || status === 'awaitingApproval';
  return (
    <div className={styles.root} aria-live="polite">
      <Field
        label={strings.progress.label}
        validationState={status === 'failed' || status === 'completedWithErrors' ? 'warning' : 'none'}
        validationMessage={strings.statusNames[status]}
      >
        <ProgressBar
          value={counts.total > 0 ? processed / counts.total : waiting ? undefined : 0}
          max={1}
          thickness="large"
          aria-valuetext={strings.progress.counts(processed, counts.total)}
        />
      </Field>
      <Text>{strings.progress.counts(processed, counts.total)}</Text>
      <Caption1>{strings.progress.breakdown(counts)}</Caption1>
      {!finished && status === 'running' ? (
        <Caption1>
          {etaSeconds === null ? strings.progress.etaUnknown : strings.progress.eta(etaSeconds)}
        </Caption1>
      ) : null}
    </div>
  );
}
