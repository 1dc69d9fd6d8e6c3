// The last step before every copy is touched: what will happen, who can recover it, and for a
// hard delete that nothing can undo it.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import type { RetractionAction } from '@clawback/shared';
import { strings } from '../../strings.js';

export interface ConfirmRetractionProps {
  open: boolean;
  action: RetractionAction;
  subject: string;
  busy: boolean;
  /** How far the message reached, when a plan has said (the task pane's blast radius). */
  reach?: { withCopies: number; copies: number } | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmRetraction({
  open,
  action,
  subject,
  busy,
  reach,
  onConfirm,
  onCancel,
}: ConfirmRetractionProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.admin.confirmTitle(action)}</DialogTitle>
          <DialogContent>
            <Text as="p">{strings.admin.confirmBody(subject || strings.common.noSubject)}</Text>
            {reach ? <Text as="p">{strings.admin.confirmReach(reach.withCopies, reach.copies)}</Text> : null}
            <Text as="p">{strings.actionRecovery[action]}</Text>
            {action === 'hardDelete' ? (
              <MessageBar intent="error">
                <MessageBarBody>{strings.admin.noUndoWarning}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={busy}>
              {strings.common.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm} disabled={busy}>
              {busy ? strings.admin.starting : strings.admin.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
