// For callers who may retract: where the open message landed (a dry run, before anything is
// touched), the retraction of it already under way or done if there is one, and the five actions
// in plain words with a confirmation. The API checks the role again on every call.
import { useCallback, useId, useState } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { MeResponse } from '@clawback/shared';
import { retractionUpdates } from '../../api/follow-retraction.js';
import { TERMINAL_RETRACTION_STATUSES } from '../../api/schemas.js';
import type { MailItem } from '../../host/mail-host.js';
import { strings } from '../../strings.js';
import { ErrorState, LoadingState } from '../../ui/StateViews.js';
import { useServices } from '../../ui/services.js';
import { useAsync } from '../../ui/use-async.js';
import { BlastRadius } from './BlastRadius.js';
import { findMessageRetraction, type MessageRetraction } from './message-retractions.js';
import { RetractForm } from './RetractForm.js';
import { TrackedRetraction } from './TrackedRetraction.js';
import { useBlastRadius } from './use-blast-radius.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function AdminPanel({ item, me }: { item: MailItem; me: MeResponse }) {
  const styles = useStyles();
  const { api, consoleUrl } = useServices();
  const headingId = useId();
  const blast = useBlastRadius(item);
  const earlier = useAsync(
    () => findMessageRetraction(api, item.internetMessageId),
    [api, item.internetMessageId],
  );
  // What this pane started or changed (approved, progressed) wins over what was found at opening.
  const [current, setCurrent] = useState<MessageRetraction | null>(null);
  const shown = current ?? (earlier.status === 'ready' ? earlier.data : null);
  const events = useCallback((id: string, signal: AbortSignal) => retractionUpdates(api, id, signal), [api]);
  const active = shown !== null && !TERMINAL_RETRACTION_STATUSES.has(shown.retraction.status);

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <h2 id={headingId}>{strings.admin.heading}</h2>
      <BlastRadius state={blast} onRetry={blast.retry} />
      {earlier.status === 'loading' ? <LoadingState label={strings.admin.checkingEarlier} /> : null}
      {earlier.status === 'error' ? (
        <ErrorState
          error={earlier.error}
          message={strings.admin.earlierUnavailable}
          onRetry={earlier.reload}
        />
      ) : null}
      {shown ? (
        <TrackedRetraction
          key={shown.retraction.id}
          retraction={shown.retraction}
          undo={shown.undo}
          me={me}
          events={events}
          onChange={(retraction) => setCurrent({ retraction, undo: shown.undo })}
        />
      ) : null}
      {earlier.status !== 'loading' && !active ? (
        <RetractForm
          item={item}
          again={shown !== null}
          reach={blast.status === 'ready' ? blast.plan : null}
          onStarted={(retraction) => setCurrent({ retraction, undo: null })}
        />
      ) : null}
      {consoleUrl && !shown ? (
        <Link href={consoleUrl} target="_blank" rel="noopener noreferrer">
          {strings.admin.consoleLink}
        </Link>
      ) : null}
    </section>
  );
}
