// Policies: the auto-retraction policy (with a change waiting for a second administrator, if any)
// and the user-reported settings. Everyone with the analyst role reads them; editors change them.
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { z } from 'zod';
import type { policyResponseSchema } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { useAction } from '../../../ui/use-action.js';
import { useAsync } from '../../../ui/use-async.js';
import { Outcome } from '../../components/bits.js';
import { formatWhen } from '../../components/format.js';
import { Section } from '../../components/Section.js';
import { useCan, useConsole } from '../../context.js';
import { AutoRetractionPolicyForm } from './AutoRetractionPolicyForm.js';
import { UserReportedSettingsForm } from './UserReportedSettingsForm.js';

type PolicyResponse = z.infer<typeof policyResponseSchema>;

function PendingChange({
  response,
  onApproved,
}: {
  response: PolicyResponse;
  onApproved: (next: PolicyResponse) => void;
}) {
  const { api, me } = useConsole();
  const can = useCan();
  const t = strings.console.policies;
  const { busy, error, run } = useAction();
  const pending = response.pending;
  if (!pending) return null;
  const own = pending.requestedBy === me.upn || pending.requestedBy === me.oid;
  const changes = Object.entries(pending.policy.actions)
    .map(
      ([d, a]) =>
        `${strings.dispositionNames[d as keyof typeof strings.dispositionNames]}: ${a ? strings.actionNames[a] : t.noAction}`,
    )
    .join('; ');

  return (
    <Outcome intent="warning" title={t.pendingTitle(pending.requestedBy, formatWhen(pending.requestedAt))}>
      {changes} {own ? t.pendingOwn : ''}
      {can('editPolicies') && !own ? (
        <div>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void run(async () => onApproved(await api.policies.approve()))}
          >
            {t.approveChange}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
    </Outcome>
  );
}

export function PoliciesPage() {
  const { api } = useConsole();
  const can = useCan();
  const t = strings.console.policies;
  const policy = useAsync(() => api.policies.get(), [api]);
  const settings = useAsync(() => api.userReportedSettings.get(), [api]);
  const [latest, setLatest] = useState<PolicyResponse | null>(null);
  const [saved, setSaved] = useState<'applied' | 'pending' | null>(null);
  const current = latest ?? (policy.status === 'ready' ? policy.data : null);

  return (
    <>
      <Section title={t.autoHeading}>
        {policy.status === 'loading' ? <LoadingState /> : null}
        {policy.status === 'error' ? <ErrorState error={policy.error} onRetry={policy.reload} /> : null}
        {current ? (
          <>
            {saved === 'applied' ? <Outcome intent="success">{t.applied}</Outcome> : null}
            {saved === 'pending' ? <Outcome intent="warning">{t.pendingSaved}</Outcome> : null}
            <PendingChange response={current} onApproved={(next) => (setLatest(next), setSaved('applied'))} />
            {current.updatedAt ? (
              <p>{t.lastChanged(current.updatedBy ?? '—', formatWhen(current.updatedAt))}</p>
            ) : null}
            <AutoRetractionPolicyForm
              key={`${current.updatedAt}-${current.pending?.requestedAt}`}
              response={current}
              editable={can('editPolicies')}
              onSaved={(next, applied) => {
                setLatest(next);
                setSaved(applied ? 'applied' : 'pending');
              }}
            />
          </>
        ) : null}
      </Section>
      <Section title={strings.console.userReported.heading}>
        {settings.status === 'loading' ? <LoadingState /> : null}
        {settings.status === 'error' ? <ErrorState error={settings.error} onRetry={settings.reload} /> : null}
        {settings.status === 'ready' ? (
          <UserReportedSettingsForm initial={settings.data.settings} editable={can('editPolicies')} />
        ) : null}
      </Section>
    </>
  );
}
