// The auto-retraction policy: which action each verdict triggers, which retractions wait for a
// second administrator, how long a retraction stays armed for late copies, and the notice the
// people whose copy was removed get. Read-only for callers who may not edit policies. The page
// shows what saving did (applied, or waiting for approval).
import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { RETRACTION_ACTIONS, type RetractionAction } from '@clawback/shared';
import type { z } from 'zod';
import type { policyResponseSchema } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { Outcome } from '../../components/bits.js';
import { Section } from '../../components/Section.js';
import { useConsole } from '../../context.js';
import { NoticeFields } from './NoticeFields.js';
import { fromDraft, POLICY_DISPOSITIONS, toDraft, type PolicyDraft } from './policy-draft.js';

type PolicyResponse = z.infer<typeof policyResponseSchema>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  fieldset: {
    border: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalXS },
});

export function AutoRetractionPolicyForm({
  response,
  editable,
  onSaved,
}: {
  response: PolicyResponse;
  editable: boolean;
  onSaved: (next: PolicyResponse, applied: boolean) => void;
}) {
  const styles = useStyles();
  const { api } = useConsole();
  const t = strings.console.policies;
  const [draft, setDraft] = useState<PolicyDraft>(() => toDraft(response.policy));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const invalid = (key: string) =>
    errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result = fromDraft(draft);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setBusy(true);
    try {
      const saved = await api.policies.put(result.policy);
      onSaved(saved.body, saved.status === 200);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const toggleApproval = (action: RetractionAction, on: boolean) =>
    set(
      'requireApproval',
      on
        ? [...new Set([...draft.requireApproval, action])]
        : draft.requireApproval.filter((a) => a !== action),
    );

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t.autoHeading} noValidate>
      <Section title={t.perVerdict}>
        <div className={styles.grid}>
          {POLICY_DISPOSITIONS.map((d) => (
            <Field key={d} label={t.whenVerdict(strings.dispositionNames[d])}>
              <Select
                disabled={!editable}
                value={draft.actions[d]}
                onChange={(_, data) =>
                  set('actions', { ...draft.actions, [d]: data.value as RetractionAction | '' })
                }
              >
                <option value="">{t.noAction}</option>
                {RETRACTION_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {strings.actionNames[a]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      </Section>
      <Section title={t.approvalHeading}>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t.approvalActions}</legend>
          {RETRACTION_ACTIONS.map((a) => (
            <Checkbox
              key={a}
              disabled={!editable}
              label={strings.actionNames[a]}
              checked={draft.requireApproval.includes(a)}
              onChange={(_, data) => toggleApproval(a, !!data.checked)}
            />
          ))}
        </fieldset>
        <div className={styles.grid}>
          <Field label={t.threshold} hint={t.thresholdHint} {...invalid('approvalMailboxThreshold')}>
            <Input
              type="number"
              min={1}
              disabled={!editable}
              value={draft.approvalMailboxThreshold}
              onChange={(_, d) => set('approvalMailboxThreshold', d.value)}
            />
          </Field>
          <Field label={t.expiry} {...invalid('approvalExpiryHours')}>
            <Input
              type="number"
              min={1}
              max={168}
              disabled={!editable}
              value={draft.approvalExpiryHours}
              onChange={(_, d) => set('approvalExpiryHours', d.value)}
            />
          </Field>
        </div>
        <Switch
          disabled={!editable}
          label={t.policyChangesNeedApproval}
          checked={draft.requireApprovalForPolicyChanges}
          onChange={(_, d) => set('requireApprovalForPolicyChanges', d.checked)}
        />
      </Section>
      <Section title={t.armedHeading}>
        <div className={styles.grid}>
          <Field label={t.armedHours} hint={t.armedHint} {...invalid('armedHours')}>
            <Input
              type="number"
              min={0}
              max={720}
              disabled={!editable}
              value={draft.armedHours}
              onChange={(_, d) => set('armedHours', d.value)}
            />
          </Field>
          <Field label={t.rescanMinutes} hint={t.rescanHint} {...invalid('rescanMinutes')}>
            <Input
              disabled={!editable}
              value={draft.rescanMinutes}
              onChange={(_, d) => set('rescanMinutes', d.value)}
            />
          </Field>
        </div>
      </Section>
      <Section title={t.notifyHeading}>
        <NoticeFields
          notice={draft.notify}
          editable={editable}
          invalid={invalid}
          onChange={(change) => set('notify', { ...draft.notify, ...change })}
        />
      </Section>
      {Object.keys(errors).length ? <Outcome intent="error">{t.fixErrors}</Outcome> : null}
      {error ? <ErrorState error={error} /> : null}
      {editable ? (
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? strings.console.common.saving : t.save}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
