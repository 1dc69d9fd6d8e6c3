// Seed 001's onboarding: name the domain, authorize mail access, authorize directory scanning
// (each an admin consent in a new tab or Teams' window), then publish. Each step says whether it
// is done; a step the caller's roles cannot take is explained, not offered.
import { useEffect, useState } from 'react';
import { Button, Caption1, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AppFunctionName, AuthorizationView, Capability, DomainSummary } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { useAction } from '../../../ui/use-action.js';
import { StateBadge } from '../../components/badges.js';
import { useCan } from '../../context.js';

const useStyles = makeStyles({
  steps: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Which capability starts each function's consent (the API's own rule). */
export const CONSENT_CAPABILITY: Record<AppFunctionName, Capability> = {
  retraction: 'editPolicies',
  collection: 'editPolicies',
  directory: 'publishDomains',
};

export interface OnboardingProps {
  domains: DomainSummary[];
  authorizations: AuthorizationView[];
  /** The function whose consent is under way in another window. */
  consenting: AppFunctionName | null;
  authorize: (fn: AppFunctionName) => Promise<void>;
  publish: (domain: string) => Promise<void>;
}

export function OnboardingSteps({
  domains,
  authorizations,
  consenting,
  authorize,
  publish,
}: OnboardingProps) {
  const styles = useStyles();
  const can = useCan();
  const t = strings.console.directory;
  const firstUnpublished = domains.find((d) => !d.published && d.isVerified)?.name ?? '';
  const [domain, setDomain] = useState(firstUnpublished);
  // The domain list may arrive after the first render (it is read at the first sync or publish).
  useEffect(() => setDomain((typed) => typed || firstUnpublished), [firstUnpublished]);
  const { busy, error, run } = useAction();
  const stateOf = (fn: AppFunctionName) =>
    authorizations.find((a) => a.function === fn)?.state ?? 'notAuthorized';
  const known = domains.find((d) => d.name === domain.trim().toLowerCase());
  const bothAuthorized = stateOf('retraction') === 'authorized' && stateOf('directory') === 'authorized';

  const authorizeStep = (fn: 'retraction' | 'directory', n: number) => {
    const state = stateOf(fn);
    const allowed = can(CONSENT_CAPABILITY[fn]);
    return (
      <li className={styles.step}>
        <div className={styles.head}>
          <Text weight="semibold">{t.stepTitle(n, t.functions[fn])}</Text>
          <StateBadge ok={state === 'authorized'}>{t.authorizationStates[state]}</StateBadge>
        </div>
        <Caption1 className={styles.muted}>{t.functionHints[fn]}</Caption1>
        {state !== 'authorized' && allowed ? (
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void run(() => authorize(fn))}>
              {t.authorize}
            </Button>
          </div>
        ) : null}
        {state !== 'authorized' && !allowed ? (
          <Caption1>{t.needsRole[CONSENT_CAPABILITY[fn]]}</Caption1>
        ) : null}
        {consenting === fn ? <Caption1 aria-live="polite">{t.waitingForConsent}</Caption1> : null}
      </li>
    );
  };

  return (
    <>
      <ol className={styles.steps}>
        <li className={styles.step}>
          <Field label={t.domainLabel} hint={t.domainHint}>
            <Input value={domain} list="clawback-domains" onChange={(_, d) => setDomain(d.value)} />
          </Field>
          <datalist id="clawback-domains">
            {domains.map((d) => (
              <option key={d.name} value={d.name} />
            ))}
          </datalist>
          {known ? <Caption1>{t.domainState(t.domainStates[known.state])}</Caption1> : null}
        </li>
        {authorizeStep('retraction', 1)}
        {authorizeStep('directory', 2)}
        <li className={styles.step}>
          <div className={styles.head}>
            <Text weight="semibold">{t.stepTitle(3, t.publishStep)}</Text>
            {known ? (
              <StateBadge ok={known.published}>{known.published ? t.published : t.notPublished}</StateBadge>
            ) : null}
          </div>
          <Caption1 className={styles.muted}>{bothAuthorized ? t.publishHint : t.publishNeedsBoth}</Caption1>
          {can('publishDomains') ? (
            <div>
              <Button
                appearance="primary"
                disabled={busy || !bothAuthorized || !domain.trim() || !!known?.published}
                onClick={() => void run(() => publish(domain.trim().toLowerCase()))}
              >
                {t.publishDomain}
              </Button>
            </div>
          ) : (
            <Caption1>{t.needsRole.publishDomains}</Caption1>
          )}
        </li>
      </ol>
      {error ? <ErrorState error={error} /> : null}
    </>
  );
}
