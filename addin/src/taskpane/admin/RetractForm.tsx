// The action for every copy (each explained by who can still recover the mail), a reason for the
// audit log, and a confirmation that repeats how far the message reached.
import { useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { RetractionAction } from '@clawback/shared';
import { ApiError } from '../../api/problem.js';
import type { Retraction } from '../../api/schemas.js';
import type { MailItem } from '../../host/mail-host.js';
import { strings } from '../../strings.js';
import { EmptyState, ErrorState } from '../../ui/StateViews.js';
import { useServices } from '../../ui/services.js';
import { useAction } from '../../ui/use-action.js';
import { ActionPicker } from './ActionPicker.js';
import { ConfirmRetraction } from './ConfirmRetraction.js';
import { withMessageTarget } from './message-target.js';
import type { Plan } from './use-blast-radius.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface RetractFormProps {
  item: MailItem;
  /** An earlier retraction of the message has ended: this one would be another. */
  again: boolean;
  /** The blast radius, once known, repeated in the confirmation. */
  reach: Plan | null;
  onStarted: (retraction: Retraction) => void;
}

export function RetractForm({ item, again, reach, onStarted }: RetractFormProps) {
  const styles = useStyles();
  const { api } = useServices();
  const [action, setAction] = useState<RetractionAction>('moveToJunk');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();

  async function start() {
    const note = reason.trim();
    await run(async () =>
      onStarted(
        await withMessageTarget(item, (target) =>
          api.createRetraction({ ...target, action, ...(note ? { reason: note } : {}) }),
        ),
      ),
    );
    setConfirming(false);
  }

  return (
    <div className={styles.form}>
      {again ? <h3>{strings.admin.newRetractionHeading}</h3> : null}
      <ActionPicker value={action} onChange={setAction} />
      <Field label={strings.admin.reasonLabel}>
        <Input value={reason} maxLength={1000} onChange={(_, data) => setReason(data.value)} />
      </Field>
      <div>
        <Button
          appearance="primary"
          onClick={() => setConfirming(true)}
          disabled={busy || !(item.itemId || item.internetMessageId)}
        >
          {strings.admin.retract}
        </Button>
      </div>
      <ConfirmRetraction
        open={confirming}
        action={action}
        subject={item.subject}
        busy={busy}
        reach={reach}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      />
      {error instanceof ApiError && error.isRouteMissing ? (
        <EmptyState>{strings.admin.unavailable}</EmptyState>
      ) : error ? (
        <ErrorState error={error} />
      ) : null}
    </div>
  );
}
