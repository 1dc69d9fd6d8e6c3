// The signed-in demo user's mailbox in the harness: who they are and their messages.
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { DemoUser, HarnessApi, HarnessMessage } from '../sandbox/harness-api.js';
import { describeDemoUser } from '../sandbox/SignInPicker.js';
import { strings } from '../strings.js';
import { ErrorState, LoadingState } from '../ui/StateViews.js';
import { useAsync } from '../ui/use-async.js';
import { MessageList } from './MessageList.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export interface MailboxProps {
  api: Pick<HarnessApi, 'messages'>;
  user: DemoUser;
  selectedId: string | null;
  onSelect: (message: HarnessMessage) => void;
  onSignOut: () => void;
}

export function Mailbox({ api, user, selectedId, onSelect, onSignOut }: MailboxProps) {
  const styles = useStyles();
  const messages = useAsync(() => api.messages(user.upn), [api, user.upn]);
  return (
    <section className={styles.root} aria-label={strings.harness.mailboxHeading(user.upn)}>
      <div className={styles.bar}>
        <h2>{strings.harness.mailboxHeading(user.upn)}</h2>
        <Button size="small" onClick={onSignOut}>
          {strings.common.signOut}
        </Button>
      </div>
      <Caption1>{describeDemoUser(user)}</Caption1>
      {messages.status === 'loading' ? (
        <LoadingState />
      ) : messages.status === 'error' ? (
        <ErrorState error={messages.error} onRetry={messages.reload} />
      ) : (
        <MessageList messages={messages.data} selectedId={selectedId} onSelect={onSelect} />
      )}
    </section>
  );
}
