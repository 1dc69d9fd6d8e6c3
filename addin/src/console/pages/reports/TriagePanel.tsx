// Who works on a campaign or report and how far along it is.
import { useEffect, useState } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { TRIAGE_STATUSES, type TriageStatus } from '@clawback/shared';
import type { TriagePatch } from '../../../api/console-api.js';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { Outcome } from '../../components/bits.js';
import { useListStyles } from '../../components/list-styles.js';

export function TriagePanel({
  status,
  assignee,
  save,
  onSaved,
}: {
  status: TriageStatus;
  assignee: string | null;
  save: (patch: TriagePatch) => Promise<unknown>;
  onSaved: () => void;
}) {
  const styles = useListStyles();
  const t = strings.console.reports;
  const [nextStatus, setNextStatus] = useState<TriageStatus>(status);
  const [nextAssignee, setNextAssignee] = useState(assignee ?? '');
  // What the server says now (after a verdict resolved it, say) replaces what the form held.
  useEffect(() => {
    setNextStatus(status);
    setNextAssignee(assignee ?? '');
  }, [status, assignee]);
  const [state, setState] = useState<{ busy: boolean; saved: boolean; error: unknown }>({
    busy: false,
    saved: false,
    error: null,
  });

  async function submit() {
    setState({ busy: true, saved: false, error: null });
    try {
      await save({ status: nextStatus, assignee: nextAssignee.trim() || null });
      setState({ busy: false, saved: true, error: null });
      onSaved();
    } catch (error) {
      setState({ busy: false, saved: false, error });
    }
  }

  return (
    <>
      <div className={styles.fieldRow}>
        <Field label={t.statusLabel}>
          <Select value={nextStatus} onChange={(_, data) => setNextStatus(data.value as TriageStatus)}>
            {TRIAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {strings.console.triageStates[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.assigneeLabel}>
          <Input type="email" value={nextAssignee} onChange={(_, data) => setNextAssignee(data.value)} />
        </Field>
        <Button disabled={state.busy} onClick={() => void submit()}>
          {state.busy ? strings.console.common.saving : strings.console.common.save}
        </Button>
      </div>
      {state.saved ? <Outcome intent="success">{strings.console.common.saved}</Outcome> : null}
      {state.error ? <ErrorState error={state.error} /> : null}
    </>
  );
}
