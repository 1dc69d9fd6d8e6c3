// The tenant's user-reported settings: what happens to the reporter's copy, the forward to a
// reporting mailbox, the notifications reporters get, and the threshold rule.
import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  Select,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  DISPOSITIONS,
  REPORTER_COPY_ACTIONS,
  userReportedSettingsSchema,
  type Disposition,
  type UserReportedSettings,
} from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { Outcome } from '../../components/bits.js';
import { Section } from '../../components/Section.js';
import { useConsole } from '../../context.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

type Template = UserReportedSettings['notifications']['onReceipt'];

export function UserReportedSettingsForm({
  initial,
  editable,
}: {
  initial: UserReportedSettings;
  editable: boolean;
}) {
  const styles = useStyles();
  const { api } = useConsole();
  const t = strings.console.userReported;
  const [s, setS] = useState<UserReportedSettings>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<{ busy: boolean; saved: boolean; error: unknown }>({
    busy: false,
    saved: false,
    error: null,
  });
  const invalid = (path: string) =>
    errors[path] ? { validationState: 'error' as const, validationMessage: errors[path] } : {};
  const notify = (key: 'onReceipt' | 'onVerdict', change: Partial<Template>) =>
    setS((v) => ({
      ...v,
      notifications: { ...v.notifications, [key]: { ...v.notifications[key], ...change } },
    }));
  const setOutcome = (d: Disposition, text: string) =>
    setS((v) => ({
      ...v,
      notifications: {
        ...v.notifications,
        onVerdict: {
          ...v.notifications.onVerdict,
          outcomes: { ...v.notifications.onVerdict.outcomes, [d]: text },
        },
      },
    }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = { ...s, reportingMailbox: s.reportingMailbox?.trim() || null };
    const parsed = userReportedSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[issue.path.join('.')] ??= issue.message;
      setErrors(next);
      return setState({ busy: false, saved: false, error: null });
    }
    setErrors({});
    setState({ busy: true, saved: false, error: null });
    try {
      setS((await api.userReportedSettings.put(parsed.data)).settings);
      setState({ busy: false, saved: true, error: null });
    } catch (error) {
      setState({ busy: false, saved: false, error });
    }
  }

  const template = (key: 'onReceipt' | 'onVerdict', label: string) => (
    <>
      <Switch
        disabled={!editable}
        label={label}
        checked={s.notifications[key].enabled}
        onChange={(_, d) => notify(key, { enabled: d.checked })}
      />
      <Field label={t.subject} {...invalid(`notifications.${key}.subject`)}>
        <Input
          disabled={!editable}
          value={s.notifications[key].subject}
          onChange={(_, d) => notify(key, { subject: d.value })}
        />
      </Field>
      <Field label={t.body} {...invalid(`notifications.${key}.body`)}>
        <Textarea
          disabled={!editable}
          resize="vertical"
          value={s.notifications[key].body}
          onChange={(_, d) => notify(key, { body: d.value })}
        />
      </Field>
    </>
  );

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t.heading} noValidate>
      <div className={styles.grid}>
        <Field label={t.reporterCopy}>
          <Select
            disabled={!editable}
            value={s.reporterCopy}
            onChange={(_, d) => setS({ ...s, reporterCopy: d.value as UserReportedSettings['reporterCopy'] })}
          >
            {REPORTER_COPY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t.reporterCopyActions[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.reportingMailbox} hint={t.reportingMailboxHint} {...invalid('reportingMailbox')}>
          <Input
            type="email"
            disabled={!editable}
            value={s.reportingMailbox ?? ''}
            onChange={(_, d) => setS({ ...s, reportingMailbox: d.value })}
          />
        </Field>
      </div>
      <Switch
        disabled={!editable}
        label={t.allowGuests}
        checked={s.allowGuests}
        onChange={(_, d) => setS({ ...s, allowGuests: d.checked })}
      />
      <Section title={t.forwardHeading}>
        <Switch
          disabled={!editable}
          label={t.forward}
          checked={s.forward.enabled}
          onChange={(_, d) => setS({ ...s, forward: { ...s.forward, enabled: d.checked } })}
        />
        <Field label={t.forwardFrom}>
          <Select
            disabled={!editable}
            value={s.forward.from}
            onChange={(_, d) =>
              setS({ ...s, forward: { ...s.forward, from: d.value as 'reporter' | 'reportingMailbox' } })
            }
          >
            <option value="reporter">{t.forwardFromReporter}</option>
            <option value="reportingMailbox">{t.forwardFromMailbox}</option>
          </Select>
        </Field>
      </Section>
      <Section title={t.receiptHeading}>{template('onReceipt', t.receipt)}</Section>
      <Section title={t.verdictHeading}>
        {template('onVerdict', t.verdict)}
        {DISPOSITIONS.map((d) => (
          <Field
            key={d}
            label={t.outcome(strings.dispositionNames[d])}
            {...invalid(`notifications.onVerdict.outcomes.${d}`)}
          >
            <Input
              disabled={!editable}
              value={s.notifications.onVerdict.outcomes[d]}
              onChange={(_, data) => setOutcome(d, data.value)}
            />
          </Field>
        ))}
      </Section>
      <Section title={t.thresholdHeading}>
        <Switch
          disabled={!editable}
          label={t.threshold}
          checked={s.threshold.enabled}
          onChange={(_, d) => setS({ ...s, threshold: { ...s.threshold, enabled: d.checked } })}
        />
        <div className={styles.grid}>
          <Field label={t.thresholdReporters} {...invalid('threshold.reporters')}>
            <Input
              type="number"
              min={2}
              disabled={!editable}
              value={String(s.threshold.reporters)}
              onChange={(_, d) => setS({ ...s, threshold: { ...s.threshold, reporters: Number(d.value) } })}
            />
          </Field>
          <Field label={t.thresholdVerdict}>
            <Select
              disabled={!editable}
              value={s.threshold.disposition}
              onChange={(_, d) =>
                setS({ ...s, threshold: { ...s.threshold, disposition: d.value as Disposition } })
              }
            >
              {DISPOSITIONS.map((d) => (
                <option key={d} value={d}>
                  {strings.dispositionNames[d]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </Section>
      {Object.keys(errors).length ? (
        <Outcome intent="error">{strings.console.policies.fixErrors}</Outcome>
      ) : null}
      {state.saved ? <Outcome intent="success">{strings.console.common.saved}</Outcome> : null}
      {state.error ? <ErrorState error={state.error} /> : null}
      {editable ? (
        <div>
          <Button type="submit" appearance="primary" disabled={state.busy}>
            {state.busy ? strings.console.common.saving : t.save}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
