// The overview's charts (Fluent UI's own chart library, loaded on demand): reports per day, open
// campaigns by triage state, and how retractions ended. Every chart has its figures in words too.
import {
  DataVizPalette,
  DonutChart,
  VerticalBarChart,
  getColorFromToken,
  type ChartDataPoint,
} from '@fluentui/react-charts';
import { Card, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { Section } from '../../components/Section.js';
import type { DayCount, RetractionStats, openCampaigns } from './overview-stats.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { minWidth: 0 },
});

export interface OverviewChartsProps {
  perDay: DayCount[];
  campaigns: ReturnType<typeof openCampaigns>;
  retractions: RetractionStats;
}

/** Palette tokens as colours: the donut draws with whatever string it is given. */
const colour = (token: string) => getColorFromToken(token);

export default function OverviewCharts({ perDay, campaigns, retractions }: OverviewChartsProps) {
  const styles = useStyles();
  const t = strings.console.overview;
  const outcome: ChartDataPoint[] = [
    {
      legend: strings.statusNames.completed,
      data: retractions.byStatus.completed,
      color: colour(DataVizPalette.success),
    },
    {
      legend: strings.statusNames.completedWithErrors,
      data: retractions.byStatus.completedWithErrors,
      color: colour(DataVizPalette.warning),
    },
    {
      legend: strings.statusNames.failed,
      data: retractions.byStatus.failed,
      color: colour(DataVizPalette.error),
    },
    {
      legend: strings.statusNames.cancelled,
      data: retractions.byStatus.cancelled,
      color: colour(DataVizPalette.disabled),
    },
    {
      legend: t.inProgress,
      data:
        retractions.byStatus.running + retractions.byStatus.planning + retractions.byStatus.awaitingApproval,
      color: colour(DataVizPalette.info),
    },
  ].filter((point) => point.data > 0);
  const open: ChartDataPoint[] = [
    { legend: strings.triageNames.new, data: campaigns.new, color: colour(DataVizPalette.color1) },
    { legend: strings.triageNames.inReview, data: campaigns.inReview, color: colour(DataVizPalette.color2) },
  ].filter((point) => point.data > 0);
  return (
    <div className={styles.grid}>
      <Card className={styles.card}>
        <Section title={t.reportsPerDay}>
          <VerticalBarChart
            chartTitle={t.reportsPerDay}
            data={perDay.map(({ day, count }) => ({ x: day.slice(5), y: count, xAxisCalloutData: day }))}
            height={220}
            hideLegend
            useSingleColor
            barWidth="auto"
          />
        </Section>
      </Card>
      <Card className={styles.card}>
        <Section title={t.openByState}>
          {open.length ? (
            <DonutChart
              data={{ chartData: open }}
              innerRadius={50}
              height={220}
              valueInsideDonut={campaigns.total}
            />
          ) : (
            <p>{t.noOpen}</p>
          )}
        </Section>
      </Card>
      <Card className={styles.card}>
        <Section title={t.outcomes}>
          {outcome.length ? (
            <DonutChart
              data={{ chartData: outcome }}
              innerRadius={50}
              height={220}
              valueInsideDonut={retractions.total}
            />
          ) : (
            <p>{t.noRetractions}</p>
          )}
        </Section>
      </Card>
    </div>
  );
}
