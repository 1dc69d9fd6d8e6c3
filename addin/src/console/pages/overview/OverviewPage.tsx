// Overview: how many reports came in, what is still open, how retractions went and how long they
// took. Figures are computed here from the list endpoints (the last 14 days of reports, the open
// campaigns, the latest 600 retractions); the charts load on demand.
import { Suspense, lazy } from 'react';
import { Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { useAsync } from '../../../ui/use-async.js';
import { collectPages } from '../../components/collect.js';
import { formatCount, formatDuration, formatPercent } from '../../components/format.js';
import { useConsole } from '../../context.js';
import { openCampaigns, reportsPerDay, retractionStats } from './overview-stats.js';

const OverviewCharts = lazy(() => import('./OverviewCharts.js'));

export const OVERVIEW_DAYS = 14;

const useStyles = makeStyles({
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  value: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  const styles = useStyles();
  return (
    <Card role="group" aria-label={label}>
      <Caption1>{label}</Caption1>
      <Text className={styles.value}>{value}</Text>
      {note ? <Caption1 className={styles.muted}>{note}</Caption1> : null}
    </Card>
  );
}

export function OverviewPage() {
  const styles = useStyles();
  const { api } = useConsole();
  const t = strings.console.overview;
  const data = useAsync(async () => {
    const now = new Date();
    const since = new Date(now.getTime() - OVERVIEW_DAYS * 86_400_000).toISOString();
    const [reports, newCampaigns, reviewing, retractions] = await Promise.all([
      collectPages((cursor) => api.reports.list({ since, limit: 200, cursor }), 5),
      api.campaigns.list({ status: 'new', limit: 200 }),
      api.campaigns.list({ status: 'inReview', limit: 200 }),
      collectPages((cursor) => api.retractions.list({ limit: 200, cursor }), 3),
    ]);
    return {
      perDay: reportsPerDay(reports.items, OVERVIEW_DAYS, now),
      reportCount: reports.items.length,
      campaigns: openCampaigns([...newCampaigns.items, ...reviewing.items]),
      retractions: retractionStats(retractions.items),
    };
  }, [api]);

  if (data.status === 'loading') return <LoadingState />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const { perDay, reportCount, campaigns, retractions } = data.data;
  return (
    <>
      <div className={styles.cards}>
        <Stat label={t.reportsLabel(OVERVIEW_DAYS)} value={formatCount(reportCount)} />
        <Stat
          label={t.openCampaigns}
          value={formatCount(campaigns.total)}
          note={t.undecided(campaigns.undecided)}
        />
        <Stat
          label={t.retractions}
          value={formatCount(retractions.total)}
          note={t.successRate(
            formatPercent(retractions.successRate),
            formatPercent(retractions.mailboxSuccessRate),
          )}
        />
        <Stat label={t.p50} value={formatDuration(retractions.p50)} note={t.timed(retractions.timed)} />
        <Stat label={t.p95} value={formatDuration(retractions.p95)} />
      </div>
      {reportCount === 0 && retractions.total === 0 && campaigns.total === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : null}
      <Suspense fallback={<LoadingState label={t.loadingCharts} />}>
        <OverviewCharts perDay={perDay} campaigns={campaigns} retractions={retractions} />
      </Suspense>
      <Caption1 className={styles.muted}>{t.computedNote}</Caption1>
    </>
  );
}
