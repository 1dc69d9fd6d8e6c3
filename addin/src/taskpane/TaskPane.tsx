// The Outlook task pane: the open message, the report form, the caller's recent reports, and for
// those who may retract, the admin panel. Everything comes through useServices, so the same
// component runs in Outlook, in the harness and in tests.
import { useEffect, useState } from 'react';
import { Caption1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/StateViews.js';
import { useServices } from '../ui/services.js';
import { useAsync } from '../ui/use-async.js';
import { AdminPanel } from './admin/AdminPanel.js';
import { MessageCard } from './MessageCard.js';
import { RecentReports } from './RecentReports.js';
import { ReportForm } from './ReportForm.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '100%',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column' },
});

export function TaskPane() {
  const styles = useStyles();
  const { host, api } = useServices();
  const [selection, setSelection] = useState(0);
  const [reported, setReported] = useState(0);
  useEffect(() => host.onItemChanged(() => setSelection((n) => n + 1)), [host]);
  const me = useAsync(() => api.me(), [api]);
  const item = useAsync(() => host.getItem(), [host, selection]);
  const canRetract = me.status === 'ready' && me.data.capabilities.includes('retract');

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{strings.appName}</Title3>
        {me.status === 'ready' ? <Caption1>{me.data.displayName ?? me.data.upn}</Caption1> : null}
      </header>
      {me.status === 'error' ? <ErrorState error={me.error} onRetry={me.reload} /> : null}
      {item.status === 'loading' ? (
        <LoadingState />
      ) : item.status === 'error' ? (
        <ErrorState error={item.error} onRetry={item.reload} />
      ) : item.data === null ? (
        <EmptyState>{strings.message.noItem}</EmptyState>
      ) : (
        <>
          <MessageCard item={item.data} />
          <ReportForm key={item.data.itemId} item={item.data} onReported={() => setReported((n) => n + 1)} />
        </>
      )}
      <RecentReports refreshKey={reported} />
      {canRetract && me.status === 'ready' && item.status === 'ready' && item.data ? (
        <AdminPanel key={item.data.itemId} item={item.data} me={me.data} />
      ) : null}
    </main>
  );
}
