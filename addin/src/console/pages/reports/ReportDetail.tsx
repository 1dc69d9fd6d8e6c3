// One report: the reporter's words, the evidence copy (EML), verdict, triage, notes, enrichment.
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { DispositionBadge } from '../../components/badges.js';
import { Facts } from '../../components/bits.js';
import { saveDownload } from '../../components/download.js';
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

export function ReportDetail({ id }: { id: string }) {
  const { api, navigate } = useConsole();
  const can = useCan();
  const t = strings.console.reports;
  // Refreshed in place after a verdict, so what the panels just said stays on screen.
  const report = useRefreshing(() => api.reports.get(id), [api, id]);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const back = (
    <div>
      <RouteLink to={route('reports', [], { tab: 'reports' })}>{t.backToReports}</RouteLink>
    </div>
  );
  if (report.status === 'loading')
    return (
      <>
        {back}
        <LoadingState />
      </>
    );
  if (report.status === 'error')
    return (
      <>
        {back}
        <ErrorState error={report.error} onRetry={() => void report.refresh()} />
      </>
    );
  const r = report.data;

  async function downloadEvidence() {
    setDownloadError(null);
    try {
      saveDownload(await api.reports.evidence(id));
    } catch (error) {
      setDownloadError(error);
    }
  }

  return (
    <>
      {back}
      <Section
        title={r.subject ?? strings.common.noSubject}
        actions={
          <>
            {r.evidence ? <Button onClick={() => void downloadEvidence()}>{t.downloadEml}</Button> : null}
            {can('retract') ? (
              <Button
                onClick={() => navigate(route('search', [], { internetMessageId: r.internetMessageId }))}
              >
                {t.planRetraction}
              </Button>
            ) : null}
          </>
        }
      >
        <Facts
          items={[
            [t.reporter, r.reporter.upn ?? r.reporter.oid],
            [t.reportedAt, formatWhen(r.reportedAt)],
            [t.categoryLabel, strings.categoryNames[r.category]],
            [t.comment, r.comment ?? '—'],
            [t.options, r.options.join('; ') || '—'],
            [t.sender, r.sender ?? strings.common.unknownSender],
            [t.verdictLabel, <DispositionBadge key="d" disposition={r.disposition} />],
            [t.statusLabel, strings.console.triageStates[r.status]],
            [t.messageIds, r.internetMessageId],
            [
              t.evidence,
              r.evidence
                ? t.evidenceFacts(r.evidence.source, formatCount(r.evidence.size), r.evidence.sha256)
                : '—',
            ],
            [
              t.campaign,
              <RouteLink key="c" to={route('reports', ['campaign', r.campaignId])}>
                {t.openCampaign}
              </RouteLink>,
            ],
          ]}
        />
        {downloadError ? <ErrorState error={downloadError} /> : null}
      </Section>
      {can('setVerdicts') ? (
        <>
          <Section title={t.verdictHeading}>
            <VerdictPanel
              current={r.disposition}
              decide={(d) => api.reports.verdict(id, d)}
              onDecided={() => void report.refresh()}
            />
          </Section>
          <Section title={t.triageHeading}>
            <TriagePanel
              status={r.status}
              assignee={r.assignee ?? null}
              save={(p) => api.reports.patch(id, p)}
              onSaved={() => void report.refresh()}
            />
          </Section>
        </>
      ) : null}
      <Section title={t.notesHeading}>
        <NotesPanel
          notes={r.notes ?? []}
          {...(can('setVerdicts') ? { add: (text: string) => api.reports.addNote(id, text) } : {})}
        />
      </Section>
      <Section title={t.enrichmentHeading}>
        <EnrichmentView enrichment={r.enrichment} />
      </Section>
    </>
  );
}
