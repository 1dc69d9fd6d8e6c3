// Outlook's own Report dialog, as the manifest's ReportingOptions and FreeTextLabel describe it:
// the harness collects the same answers Outlook would pass the handler.
import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import type { SpamReportEvent } from '../commands/spam-report.js';
import { strings } from '../strings.js';

export interface SpamReportDialogProps {
  open: boolean;
  onSend: (event: SpamReportEvent) => void;
  onCancel: () => void;
}

export function SpamReportDialog({ open, onSend, onCancel }: SpamReportDialogProps) {
  const [options, setOptions] = useState<boolean[]>(() => strings.spamReport.options.map(() => false));
  const [freeText, setFreeText] = useState('');
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.harness.spamDialogTitle}</DialogTitle>
          <DialogContent>
            {strings.spamReport.options.map((label, index) => (
              <Checkbox
                key={label}
                label={label}
                checked={options[index] ?? false}
                onChange={(_, data) =>
                  setOptions((o) => o.map((v, i) => (i === index ? data.checked === true : v)))
                }
              />
            ))}
            <Field label={strings.harness.spamFreeText}>
              <Textarea value={freeText} onChange={(_, data) => setFreeText(data.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>{strings.common.cancel}</Button>
            <Button appearance="primary" onClick={() => onSend({ options, freeText })}>
              {strings.harness.spamSend}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
