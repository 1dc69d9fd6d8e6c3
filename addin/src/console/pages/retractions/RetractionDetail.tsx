// One retraction: what it acts on and why, live progress with the time left, approval and the
// other actions, the plan, and every mailbox's state.
import { useState, type ReactNode } from 'react';
import { Caption1 } from '@fluentui/react-components';
import { MAILBOX_STATES } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { RetractionStatusBadge } from '../../components/badges.js';
import { Facts, RefreshButton } from '../../components/bits.js';
import { ChoiceFilter, FilterBar, type Choice } from '../../components/FilterBar.js';
import { formatCount, formatWhen } from '../../components/format.js';
import { Section } from '../../components/Section.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { BlastRadius } from '../search/BlastRadius.js';
import { MailboxTable } from './MailboxTable.js';
import { RetractionActions } from './RetractionActions.js';
import { RetractionProgressView } from './RetractionProgressView.js';
import { useLiveRetraction } from './use-live-retraction.js';
import { useMailboxRows } from './use-mailbox-rows.js';
import { RouteLink } from '../../components/RouteLink.js';

const STATE_CHOICES: readonly Choice[] = MAILBOX_STATES.map((s) => [
  s,
  strings.console.retractions.mailboxStates[s],
]);

export function RetractionDetail({ id }: { id: string }) {
  const { api } = useConsole();
  const t = strings.console.retractions;
  const live = useLiveRetraction(api, id);
  const [state, setState] = useState('');
  const r = live.retraction;
  // Rows are read again whenever the retraction moves to another status.
  const mailboxes = useMailboxRows(api, id, state, r?.status ?? null);

  const back = (
    <div>
      <RouteLink to={route('retractions')}>{t.back}</RouteLink>
    </div>
  );
  if (!r)
    return (
      <>
        {back}
        {live.error ? <ErrorState error={live.error} /> : <LoadingState />}
      </>
    );
  return (
    <>
      {back}
      <Section
        title={r.subject ?? r.internetMessageId}
        actions={<RetractionStatusBadge status={r.status} dryRun={r.dryRun} />}
      >
        <Facts
          items={[
            [
              t.action,
              r.kind === 'undo' ? t.undoOf(strings.actionNames[r.action]) : strings.actionNames[r.action],
            ],
            [t.recoverability, r.recoverability],
            [t.messageId, r.internetMessageId],
            [t.sender, r.sender ?? strings.common.unknownSender],
            [t.source, t.sources[r.source]],
            [t.requestedBy, `${r.requestedBy.name ?? r.requestedBy.id} · ${formatWhen(r.createdAt)}`],
            [t.reason, r.reason ?? '—'],
            [t.started, formatWhen(r.startedAt)],
            [t.completed, formatWhen(r.completedAt)],
            [t.armedUntil, formatWhen(r.armedUntil)],
            ...(r.undoOf
              ? ([
                  [
                    t.undoOfLabel,
                    <RouteLink key="u" to={route('retractions', [r.undoOf!])}>
                      {t.openOriginal}
                    </RouteLink>,
                  ],
                ] as [string, ReactNode][])
              : []),
            ...(r.campaignId
              ? ([
                  [
                    t.campaign,
                    <RouteLink key="c" to={route('reports', ['campaign', r.campaignId!])}>
                      {t.openCampaign}
                    </RouteLink>,
                  ],
                ] as [string, ReactNode][])
              : []),
          ]}
        />
        {r.error ? <ErrorState error={null} message={r.error} /> : null}
      </Section>
      <Section title={t.progressHeading}>
        <RetractionProgressView retraction={r} etaSeconds={live.etaSeconds} />
        {live.error ? <ErrorState error={live.error} message={strings.progress.connectionLost} /> : null}
        <RetractionActions retraction={r} mailboxState={state} onChange={live.replace} />
      </Section>
      {r.plan ? (
        <Section title={t.planHeading}>
          <BlastRadius plan={r.plan} />
        </Section>
      ) : null}
      <Section
        title={t.mailboxesHeading}
        actions={<RefreshButton onClick={mailboxes.reload} disabled={mailboxes.loading} />}
      >
        <FilterBar>
          <ChoiceFilter label={t.stateFilter} value={state} onChange={setState} choices={STATE_CHOICES} />
          <Caption1 aria-live="polite">
            {mailboxes.loading
              ? t.loadingRows(formatCount(mailboxes.rows.length))
              : t.rowCount(formatCount(mailboxes.rows.length))}
          </Caption1>
        </FilterBar>
        {mailboxes.error ? <ErrorState error={mailboxes.error} onRetry={mailboxes.reload} /> : null}
        {!mailboxes.loading && !mailboxes.rows.length && !mailboxes.error ? (
          <EmptyState>{t.noRows}</EmptyState>
        ) : null}
        {mailboxes.rows.length ? <MailboxTable rows={mailboxes.rows} /> : null}
      </Section>
    </>
  );
}
