// One retraction of the open message, as far as it has got: live progress, the approval it waits
// for, the mailboxes it failed on by reason, undo once it has ended, and the way to the console.
import { useId } from 'react';
import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { MeResponse } from '@clawback/shared';
import type { Retraction } from '../../api/schemas.js';
import { strings } from '../../strings.js';
import { useServices } from '../../ui/services.js';
import { ApprovalNotice } from './ApprovalNotice.js';
import { FailuresByReason } from './FailuresByReason.js';
import { RetractionProgress, type RetractionProgressProps } from './RetractionProgress.js';
import { UndoControl } from './UndoControl.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The console's page of one retraction (its routes keep what is open in the hash). */
export function consoleRetractionUrl(consoleUrl: string, retractionId: string): string {
  return `${consoleUrl}#/retractions/${encodeURIComponent(retractionId)}`;
}

export interface TrackedRetractionProps {
  retraction: Retraction;
  undo: Retraction | null;
  me: MeResponse;
  events: RetractionProgressProps['events'];
  onChange: (retraction: Retraction) => void;
}

export function TrackedRetraction({ retraction, undo, me, events, onChange }: TrackedRetractionProps) {
  const styles = useStyles();
  const { consoleUrl } = useServices();
  const headingId = useId();
  const requester = retraction.requestedBy.name ?? strings.admin.someAdmin;
  const { failed, skipped } = retraction.counts;
  return (
    <section aria-labelledby={headingId} className={styles.root} data-testid="tracked-retraction">
      <h3 id={headingId}>{strings.admin.trackedHeading}</h3>
      <Caption1 className={styles.muted}>
        {strings.admin.trackedAction(retraction.action, requester)}
      </Caption1>
      <RetractionProgress retractionId={retraction.id} events={events} onUpdate={onChange} />
      {retraction.status === 'awaitingApproval' ? (
        <ApprovalNotice retraction={retraction} me={me} onApproved={onChange} />
      ) : null}
      {retraction.approval.approvedBy ? (
        <Caption1>{strings.approval.approvedBy(retraction.approval.approvedBy)}</Caption1>
      ) : null}
      {failed + skipped > 0 ? <FailuresByReason retraction={retraction} /> : null}
      <UndoControl retraction={retraction} existingUndo={undo} events={events} />
      {consoleUrl ? (
        <Link
          href={consoleRetractionUrl(consoleUrl, retraction.id)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {strings.admin.retractionConsoleLink}
        </Link>
      ) : null}
    </section>
  );
}
