// For callers who may retract: where the open message landed (once the API can say), the five
// actions in plain words, a confirmation, and live progress. The API checks the role again.
import { useCallback, useId, useState } from 'react';
import { Button, Caption1, Field, Input, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { RetractionAction } from '@clawback/shared';
import { ApiError } from '../../api/problem.js';
import type { MailItem } from '../../host/mail-host.js';
import { strings } from '../../strings.js';
import { EmptyState, ErrorState } from '../../ui/StateViews.js';
import { useServices } from '../../ui/services.js';
import { ActionPicker } from './ActionPicker.js';
import { ConfirmRetraction } from './ConfirmRetraction.js';
import { RetractionProgress } from './RetractionProgress.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function AdminPanel({ item }: { item: MailItem }) {
  const styles = useStyles();
  const { api, consoleUrl } = useServices();
  const headingId = useId();
  const [action, setAction] = useState<RetractionAction>('moveToJunk');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [retractionId, setRetractionId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const events = useCallback((id: string, signal: AbortSignal) => api.retractionEvents(id, signal), [api]);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const created = await api.createRetraction({
        internetMessageId: item.internetMessageId,
        action,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setRetractionId(created.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <h2 id={headingId}>{strings.admin.heading}</h2>
      <div>
        <h3>{strings.admin.blastRadiusHeading}</h3>
        <Caption1 className={styles.muted}>{strings.admin.blastRadiusPending}</Caption1>
      </div>
      <ActionPicker value={action} onChange={setAction} />
      <Field label={strings.admin.reasonLabel}>
        <Input value={reason} maxLength={1000} onChange={(_, data) => setReason(data.value)} />
      </Field>
      <div>
        <Button
          appearance="primary"
          onClick={() => setConfirming(true)}
          disabled={busy || !item.internetMessageId}
        >
          {strings.admin.retract}
        </Button>
      </div>
      <ConfirmRetraction
        open={confirming}
        action={action}
        subject={item.subject}
        busy={busy}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      />
      {error instanceof ApiError && error.isRouteMissing ? (
        <EmptyState>{strings.admin.unavailable}</EmptyState>
      ) : error ? (
        <ErrorState error={error} />
      ) : null}
      {retractionId ? <RetractionProgress retractionId={retractionId} events={events} /> : null}
      {consoleUrl ? (
        <Link href={consoleUrl} target="_blank">
          {strings.admin.consoleLink}
        </Link>
      ) : null}
    </section>
  );
}
