// Undo, once a retraction that kept the copies has ended: every copy goes back to the folder it
// came from, as a retraction of its own whose progress shows here. A hard delete keeps nothing to
// move back, so it says so instead (the shared ACTION_DESTINATIONS: null means no copy is kept).
import { useState } from 'react';
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ACTION_DESTINATIONS } from '@clawback/shared';
import type { Retraction } from '../../api/schemas.js';
import { TERMINAL_RETRACTION_STATUSES } from '../../api/schemas.js';
import { strings } from '../../strings.js';
import { ErrorState } from '../../ui/StateViews.js';
import { useServices } from '../../ui/services.js';
import { useAction } from '../../ui/use-action.js';
import { RetractionProgress, type RetractionProgressProps } from './RetractionProgress.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface UndoControlProps {
  retraction: Retraction;
  /** An undo already requested for this retraction (found when the pane opened). */
  existingUndo: Retraction | null;
  events: RetractionProgressProps['events'];
}

export function UndoControl({ retraction, existingUndo, events }: UndoControlProps) {
  const styles = useStyles();
  const { api } = useServices();
  const [undo, setUndo] = useState<Retraction | null>(existingUndo);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  const t = strings.undo;
  if (retraction.kind !== 'retract' || retraction.dryRun) return null;
  const keepsCopies = ACTION_DESTINATIONS[retraction.action] !== null;
  if (!keepsCopies)
    return TERMINAL_RETRACTION_STATUSES.has(retraction.status) ? <Caption1>{t.none}</Caption1> : null;

  async function start() {
    await run(async () => setUndo(await api.undoRetraction(retraction.id)));
    setConfirming(false);
  }

  return (
    <div className={styles.root}>
      {retraction.undoable && !undo ? (
        <div>
          <Button disabled={busy} onClick={() => setConfirming(true)}>
            {busy ? t.starting : t.button}
          </Button>
        </div>
      ) : null}
      <Dialog open={confirming} modalType="alert" onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.title}</DialogTitle>
            <DialogContent>{t.body(retraction.action)}</DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)} disabled={busy}>
                {strings.common.cancel}
              </Button>
              <Button appearance="primary" onClick={() => void start()} disabled={busy}>
                {busy ? t.starting : t.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {error ? <ErrorState error={error} /> : null}
      {undo ? <RetractionProgress retractionId={undo.id} events={events} label={t.progressLabel} /> : null}
    </div>
  );
}
