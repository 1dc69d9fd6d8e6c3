// What can be done with a retraction, offered only to those who may: approve (a second
// administrator, never the requester), cancel what has not run, undo (not after a hard delete),
// search again for late copies, and download the per-mailbox CSV or the hard delete's evidence.
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Retraction } from '@clawback/shared';
import type { Download } from '../../../api/console-api.js';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { useAction } from '../../../ui/use-action.js';
import { Outcome } from '../../components/bits.js';
import { saveDownload } from '../../components/download.js';
import { formatWhen } from '../../components/format.js';
import { useCan, useConsole } from '../../context.js';
import { route } from '../../routes.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function RetractionActions({
  retraction: r,
  mailboxState,
  onChange,
}: {
  retraction: Retraction;
  /** The per-mailbox filter in use, so the CSV matches what is on screen. */
  mailboxState: string;
  onChange: (next: Retraction) => void;
}) {
  const styles = useStyles();
  const { api, me, navigate } = useConsole();
  const can = useCan();
  const t = strings.console.retractions;
  const { busy, error, run: runAction } = useAction();
  const [note, setNote] = useState<string | null>(null);
  const [confirmUndo, setConfirmUndo] = useState(false);

  const run = (work: () => Promise<unknown>) => {
    setNote(null);
    return runAction(work);
  };
  const download = (fetch: () => Promise<Download>) => run(async () => saveDownload(await fetch()));

  const ownRequest = r.requestedBy.id === me.oid;
  const awaiting = r.status === 'awaitingApproval';
  const canCancel = can('retract') && ['planning', 'awaitingApproval', 'running'].includes(r.status);
  const canRescan =
    can('retract') &&
    r.kind === 'retract' &&
    !r.dryRun &&
    ['running', 'completed', 'completedWithErrors'].includes(r.status);

  return (
    <div className={styles.box}>
      {awaiting ? (
        <Outcome intent="warning" title={t.awaitingTitle}>
          {t.approvalReasons(r.approval.reasons.join('; ') || '—', formatWhen(r.approval.expiresAt))}{' '}
          {ownRequest ? t.ownRequest : can('approve') ? '' : t.needsApprover}
        </Outcome>
      ) : null}
      {r.approval.approvedBy ? (
        <Text>{t.approvedBy(r.approval.approvedBy, formatWhen(r.approval.approvedAt))}</Text>
      ) : null}
      <div className={styles.row}>
        {awaiting && can('approve') && !ownRequest ? (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void run(async () => onChange(await api.retractions.approve(r.id)))}
          >
            {t.approve}
          </Button>
        ) : null}
        {canCancel ? (
          <Button
            disabled={busy}
            onClick={() => void run(async () => onChange(await api.retractions.cancel(r.id)))}
          >
            {t.cancel}
          </Button>
        ) : null}
        {can('retract') && r.undoable ? (
          <Button disabled={busy} onClick={() => setConfirmUndo(true)}>
            {t.undo}
          </Button>
        ) : null}
        {canRescan ? (
          <Button
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const result = await api.retractions.rescan(r.id);
                onChange(result.retraction);
                setNote(t.rescanned(result.added));
              })
            }
          >
            {t.rescan}
          </Button>
        ) : null}
        <Button
          disabled={busy}
          onClick={() => void download(() => api.retractions.csv(r.id, mailboxState || undefined))}
        >
          {t.downloadCsv}
        </Button>
        {can('retract') && r.action === 'hardDelete' && !r.dryRun ? (
          <Button disabled={busy} onClick={() => void download(() => api.retractions.evidence(r.id))}>
            {t.downloadEvidence}
          </Button>
        ) : null}
      </div>
      {r.kind === 'retract' && r.action === 'hardDelete' && !r.dryRun ? (
        <Text>{t.noUndoHardDelete}</Text>
      ) : null}
      {note ? <Outcome intent="success">{note}</Outcome> : null}
      {error ? <ErrorState error={error} /> : null}
      <Dialog open={confirmUndo} modalType="alert" onOpenChange={(_, data) => setConfirmUndo(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.undoTitle}</DialogTitle>
            <DialogContent>{t.undoBody(strings.actionNames[r.action])}</DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirmUndo(false)}>{strings.common.cancel}</Button>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => {
                  setConfirmUndo(false);
                  void run(async () =>
                    navigate(route('retractions', [(await api.retractions.undo(r.id)).id])),
                  );
                }}
              >
                {t.undoConfirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
