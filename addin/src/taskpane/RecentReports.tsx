// The caller's own recent reports and what became of them. Until the reports API lands the list
// says so, instead of showing an error the user can do nothing about.
import { useId } from 'react';
import { Badge, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../api/problem.js';
import { strings } from '../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/StateViews.js';
import { useServices } from '../ui/services.js';
import { useAsync } from '../ui/use-async.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  subject: { overflowWrap: 'anywhere' },
});

export function RecentReports({ refreshKey = 0 }: { refreshKey?: number }) {
  const styles = useStyles();
  const { api } = useServices();
  const headingId = useId();
  const reports = useAsync(() => api.listMyReports(), [api, refreshKey]);

  let body;
  if (reports.status === 'loading') body = <LoadingState />;
  else if (reports.status === 'error')
    body =
      reports.error instanceof ApiError && reports.error.isRouteMissing ? (
        <EmptyState>{strings.recent.unavailable}</EmptyState>
      ) : (
        <ErrorState error={reports.error} onRetry={reports.reload} />
      );
  else if (reports.data.items.length === 0) body = <EmptyState>{strings.recent.empty}</EmptyState>;
  else
    body = (
      <ul className={styles.list}>
        {reports.data.items.map((report) => (
          <li key={report.id} className={styles.item}>
            <Text className={styles.subject}>{report.subject || strings.common.noSubject}</Text>
            <div className={styles.row}>
              <Badge appearance="tint" color={report.category === 'notJunk' ? 'success' : 'danger'}>
                {strings.categoryNames[report.category]}
              </Badge>
              <Caption1>
                {report.disposition
                  ? strings.recent.verdict(report.disposition)
                  : strings.triageNames[report.status]}
              </Caption1>
              <Caption1>{new Date(report.reportedAt).toLocaleDateString()}</Caption1>
            </div>
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby={headingId} aria-busy={reports.status === 'loading'}>
      <h2 id={headingId}>{strings.recent.heading}</h2>
      {body}
    </section>
  );
}
