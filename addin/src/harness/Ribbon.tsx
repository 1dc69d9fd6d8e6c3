// The harness's stand-in for Outlook's ribbon: the three Report function commands and Outlook's
// Report button (the spam-reporting handler), run against the open message exactly as Outlook
// would run them, with the notification bar and the handler's answer shown beside them.
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { REPORT_CATEGORIES } from '@clawback/shared';
import type { ApiClient } from '../api/client.js';
import { reportOpenMessage } from '../commands/report-command.js';
import { handleSpamReport, type SpamReportEvent } from '../commands/spam-report.js';
import type { HarnessNotification } from '../host/harness-adapter.js';
import type { MailHost } from '../host/mail-host.js';
import { strings } from '../strings.js';
import { SpamReportDialog } from './SpamReportDialog.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { flexWrap: 'wrap' },
});

export interface RibbonProps {
  host: MailHost;
  api: ApiClient;
  notification: HarnessNotification | null;
}

export function Ribbon({ host, api, notification }: RibbonProps) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [spamOpen, setSpamOpen] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  async function run(task: () => Promise<string>) {
    setRunning(true);
    setResult(null);
    try {
      setResult(await task());
    } finally {
      setRunning(false);
    }
  }

  const sendSpamReport = (event: SpamReportEvent) => {
    setSpamOpen(false);
    void run(async () => {
      const completion = await handleSpamReport(event, { host, api });
      const { title, description } = completion.showPostProcessingDialog;
      return `${title}. ${description} ${strings.harness.moveNote(completion.moveItemTo)}`;
    });
  };

  return (
    <section className={styles.root} aria-label={strings.harness.ribbonHeading}>
      <Toolbar className={styles.toolbar} aria-label={strings.harness.ribbonHeading}>
        {REPORT_CATEGORIES.map((category) => (
          <Button
            key={category}
            disabled={running}
            onClick={() => void run(async () => (await reportOpenMessage(category, { host, api })).message)}
          >
            {strings.harness.reportMenu[category]}
          </Button>
        ))}
        <Button disabled={running} onClick={() => setSpamOpen(true)}>
          {strings.harness.spamButton}
        </Button>
      </Toolbar>
      <div role="status" aria-label={strings.harness.notificationLabel} data-testid="notification-bar">
        {notification ? (
          <MessageBar intent={notification.kind === 'error' ? 'error' : 'info'}>
            <MessageBarBody>{notification.message}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {result ? (
        <div aria-label={strings.harness.lastResult} data-testid="handler-result">
          {result}
        </div>
      ) : null}
      <SpamReportDialog open={spamOpen} onSend={sendSpamReport} onCancel={() => setSpamOpen(false)} />
    </section>
  );
}
