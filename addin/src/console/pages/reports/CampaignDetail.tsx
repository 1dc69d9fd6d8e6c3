// One campaign: what it is, the verdict (and the retraction the policy starts), triage, notes,
// who reported it, and what the message contains.
import { Button } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { DispositionBadge } from '../../components/badges.js';
import { Facts } from '../../components/bits.js';
import { DataTable } from '../../components/DataTable.js';
import { formatCount, formatWhen } from '../../components/format.js';
import { Section } from '../../components/Section.js';
import { useRefreshing } from '../../components/use-refreshing.js';
import { useCan, useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { EnrichmentView } from './EnrichmentView.js';
import { NotesPanel } from './NotesPanel.js';
import { TriagePanel } from './TriagePanel.js';
import { VerdictPanel } from './VerdictPanel.js';
import { RouteLink } from '../../components/RouteLink.js';

export function CampaignDetail({ id }: { id: string }) {
  const { api, navigate } = useConsole();
  const can = useCan();
  const t = strings.console.reports;
  // Refreshed in place after a verdict, so what the panels just said stays on screen.
  const campaign = useRefreshing(() => api.campaigns.get(id), [api, id]);

  const back = (
    <div>
      <RouteLink to={route('reports')}>{t.backToCampaigns}</RouteLink>
    </div>
  );
  if (campaign.status === 'loading')
    return (
      <>
        {back}
        <LoadingState />
      </>
    );
  if (campaign.status === 'error')
    return (
      <>
        {back}
        <ErrorState error={campaign.error} onRetry={() => void campaign.refresh()} />
      </>
    );
  const c = campaign.data;
  const messageId = c.internetMessageIds[0];
  return (
    <>
      {back}
      <Section
        title={c.subject ?? strings.common.noSubject}
        actions={
          can('retract') && messageId ? (
            <Button onClick={() => navigate(route('search', [], { internetMessageId: messageId }))}>
              {t.planRetraction}
            </Button>
          ) : null
        }
      >
        <Facts
          items={[
            [t.sender, c.sender ?? strings.common.unknownSender],
            [t.verdictLabel, <DispositionBadge key="d" disposition={c.disposition} />],
            [
              t.decided,
              c.verdictAt ? t.decidedBy(c.verdictBy ?? '—', formatWhen(c.verdictAt), c.verdictSource) : '—',
            ],
            [t.statusLabel, strings.console.triageStates[c.status]],
            [t.assigneeLabel, c.assignee ?? '—'],
            [t.reporters, t.reporterCount(c.reporterCount, c.reportCount)],
            [t.recipients, formatCount(c.estimatedRecipients)],
            [t.firstSeen, formatWhen(c.firstSeen)],
            [t.lastSeen, formatWhen(c.lastSeen)],
            [t.messageIds, c.internetMessageIds.join(', ')],
          ]}
        />
      </Section>
      {can('setVerdicts') ? (
        <>
          <Section title={t.verdictHeading}>
            <VerdictPanel
              current={c.disposition}
              decide={(d) => api.campaigns.verdict(id, d)}
              onDecided={() => void campaign.refresh()}
            />
          </Section>
          <Section title={t.triageHeading}>
            <TriagePanel
              status={c.status}
              assignee={c.assignee}
              save={(p) => api.campaigns.patch(id, p)}
              onSaved={() => void campaign.refresh()}
            />
          </Section>
        </>
      ) : null}
      <Section title={t.notesHeading}>
        <NotesPanel
          notes={c.notes}
          {...(can('setVerdicts') ? { add: (text: string) => api.campaigns.addNote(id, text) } : {})}
        />
      </Section>
      <Section title={t.reportersHeading}>
        <DataTable
          label={t.reportersHeading}
          columns={[
            {
              header: t.reporter,
              cell: (r) => (
                <RouteLink to={route('reports', ['report', r.reportId])}>{r.upn ?? r.oid}</RouteLink>
              ),
            },
            { header: t.categoryLabel, cell: (r) => strings.categoryNames[r.category] },
            { header: t.reportedAt, cell: (r) => formatWhen(r.reportedAt) },
          ]}
          rows={c.reporters}
          rowKey={(r) => r.reportId}
        />
      </Section>
      <Section title={t.enrichmentHeading}>
        <EnrichmentView enrichment={c.enrichment} />
      </Section>
    </>
  );
}
