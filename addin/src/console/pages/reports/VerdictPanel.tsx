// Deciding a campaign or a report: the disposition, and what the auto-retraction policy did with
// it (a retraction to follow, nothing for this verdict, or a failure to look into).
import { useState } from 'react';
import { Button, Field, Select } from '@fluentui/react-components';
import { DISPOSITIONS, type Disposition } from '@clawback/shared';
import type { z } from 'zod';
import type { verdictResultSchema } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { Outcome } from '../../components/bits.js';
import { useListStyles } from '../../components/list-styles.js';
import { route } from '../../routes.js';
import { RouteLink } from '../../components/RouteLink.js';

type VerdictResult = z.infer<typeof verdictResultSchema>;

export function DispositionSelect({
  value,
  onChange,
  label = strings.console.reports.verdictLabel,
}: {
  value: Disposition | '';
  onChange: (value: Disposition | '') => void;
  label?: string;
}) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value as Disposition | '')}>
        <option value="">{strings.console.reports.chooseVerdict}</option>
        {DISPOSITIONS.map((d) => (
          <option key={d} value={d}>
            {strings.dispositionNames[d]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function VerdictOutcome({ result }: { result: VerdictResult }) {
  const t = strings.console.reports;
  const name = strings.dispositionNames[result.disposition];
  if (result.policy === 'started' && result.retraction)
    return (
      <Outcome intent="success" title={t.verdictSet(name)}>
        {t.policyStarted}{' '}
        <RouteLink to={route('retractions', [result.retraction!.retractionId])}>
          {t.followRetraction}
        </RouteLink>
      </Outcome>
    );
  return (
    <Outcome intent={result.policy === 'failed' ? 'warning' : 'success'} title={t.verdictSet(name)}>
      {t.policy[result.policy]}
      {result.notifying ? ` ${t.notifying(result.notifying)}` : ''}
    </Outcome>
  );
}

export function VerdictPanel({
  current,
  decide,
  onDecided,
}: {
  current: Disposition | null;
  decide: (disposition: Disposition) => Promise<VerdictResult>;
  onDecided: () => void;
}) {
  const styles = useListStyles();
  const [choice, setChoice] = useState<Disposition | ''>(current ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerdictResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await decide(choice));
      onDecided();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className={styles.fieldRow}>
        <DispositionSelect value={choice} onChange={setChoice} />
        <Button appearance="primary" disabled={!choice || busy} onClick={() => void submit()}>
          {busy ? strings.console.common.saving : strings.console.reports.setVerdict}
        </Button>
      </div>
      {result ? <VerdictOutcome result={result} /> : null}
      {error ? <ErrorState error={error} /> : null}
    </>
  );
}
