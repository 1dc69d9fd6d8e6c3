// Directory and domains: the onboarding steps, each function's authorization, sync progress and
// the domain list. Consent happens in another window (or Teams' authentication window), so while
// one is under way the page checks the authorizations every few seconds and whenever it regains
// focus; while a sync runs it follows its progress.
import { useEffect, useState } from 'react';
import type { AppFunctionName } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { Outcome } from '../../components/bits.js';
import { Section } from '../../components/Section.js';
import { useInterval } from '../../components/use-interval.js';
import { useRefreshing } from '../../components/use-refreshing.js';
import { useCan, useConsole } from '../../context.js';
import { AuthorizationsTable } from './AuthorizationsTable.js';
import { DomainsTable } from './DomainsTable.js';
import { OnboardingSteps } from './OnboardingSteps.js';
import { SyncStatus } from './SyncStatus.js';

const CONSENT_POLL_MS = 3_000;
const CONSENT_GIVE_UP_MS = 15 * 60_000;
const SYNC_POLL_MS = 2_000;
const SYNC_GIVE_UP_MS = 10 * 60_000;

export function DirectoryPage() {
  const { api, openExternal } = useConsole();
  const can = useCan();
  const t = strings.console.directory;
  const status = useRefreshing(() => api.directory.status(), [api]);
  const auths = useRefreshing(() => api.directory.authorizations(), [api]);
  const [consenting, setConsenting] = useState<{ fn: AppFunctionName; since: number } | null>(null);
  /** When a sync was asked for (publish, sync now): followed until one finishes after it. */
  const [syncRequestedAt, setSyncRequestedAt] = useState<number | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [published, setPublished] = useState<string | null>(null);

  const followSync = syncRequestedAt !== null;
  const syncing = followSync || status.data?.state === 'syncing';
  useInterval(() => void status.refresh(), SYNC_POLL_MS, syncing);
  useInterval(
    () => {
      if (consenting && Date.now() - consenting.since > CONSENT_GIVE_UP_MS) setConsenting(null);
      void auths.refresh();
    },
    CONSENT_POLL_MS,
    consenting !== null,
  );

  useEffect(() => {
    const onFocus = () => void auths.refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [auths.refresh]);

  // The consent is over once its function shows authorized; a sync is over once status says so.
  const consentedState = consenting && auths.data?.items.find((a) => a.function === consenting.fn)?.state;
  useEffect(() => {
    if (consentedState === 'authorized') {
      setConsenting(null);
      void status.refresh();
    }
  }, [consentedState, status.refresh]);
  useEffect(() => {
    if (syncRequestedAt === null || !status.data || status.data.state === 'syncing') return;
    const last = status.data.lastSyncedAt ? Date.parse(status.data.lastSyncedAt) : 0;
    if (last >= syncRequestedAt - 1_000 || Date.now() - syncRequestedAt > SYNC_GIVE_UP_MS)
      setSyncRequestedAt(null);
  }, [syncRequestedAt, status.data]);

  async function authorize(fn: AppFunctionName) {
    setActionError(null);
    try {
      const { url } = await api.directory.startAuthorization(fn);
      setConsenting({ fn, since: Date.now() });
      openExternal(url);
    } catch (error) {
      setActionError(error);
    }
  }
  async function publish(name: string) {
    await api.directory.publish(name);
    setPublished(name);
    setSyncRequestedAt(Date.now());
    await status.refresh();
  }
  async function unpublish(name: string) {
    await api.directory.unpublish(name);
    setPublished(null);
    await status.refresh();
  }
  async function sync() {
    setActionError(null);
    try {
      await api.directory.sync();
      setSyncRequestedAt(Date.now());
      await status.refresh();
    } catch (error) {
      setActionError(error);
    }
  }

  if (status.status === 'loading' || auths.status === 'loading') return <LoadingState />;
  if (status.status === 'error')
    return <ErrorState error={status.error} onRetry={() => void status.refresh()} />;
  if (auths.status === 'error')
    return <ErrorState error={auths.error} onRetry={() => void auths.refresh()} />;
  const domains = status.data.domains;
  return (
    <>
      {actionError ? <ErrorState error={actionError} /> : null}
      {published ? <Outcome intent="success">{t.publishedNote(published)}</Outcome> : null}
      <Section title={t.onboardingHeading}>
        <OnboardingSteps
          domains={domains}
          authorizations={auths.data.items}
          consenting={consenting?.fn ?? null}
          authorize={authorize}
          publish={publish}
        />
      </Section>
      <Section title={t.authorizationsHeading}>
        <AuthorizationsTable authorizations={auths.data.items} onAuthorize={(fn) => void authorize(fn)} />
      </Section>
      <Section title={t.syncHeading}>
        {status.error ? <ErrorState error={status.error} /> : null}
        <SyncStatus
          status={status.data}
          canSync={can('editPolicies')}
          syncing={followSync}
          onSync={() => void sync()}
        />
      </Section>
      <Section title={t.domainsHeading}>
        <DomainsTable
          domains={domains}
          canPublish={can('publishDomains')}
          publish={publish}
          unpublish={unpublish}
        />
      </Section>
    </>
  );
}
