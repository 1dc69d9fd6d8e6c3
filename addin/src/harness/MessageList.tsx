// The demo mailbox's Inbox and Junk Email, to pick the message the task pane opens.
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { HarnessMessage } from '../sandbox/harness-api.js';
import { strings } from '../strings.js';
import { EmptyState } from '../ui/StateViews.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  button: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalS,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  unread: { fontWeight: tokens.fontWeightSemibold },
});

export interface MessageListProps {
  messages: HarnessMessage[];
  selectedId: string | null;
  onSelect: (message: HarnessMessage) => void;
}

export function MessageList({ messages, selectedId, onSelect }: MessageListProps) {
  const styles = useStyles();
  if (messages.length === 0) return <EmptyState>{strings.harness.noMessages}</EmptyState>;
  return (
    <ul className={styles.list}>
      {messages.map((message) => (
        <li key={message.id}>
          <Button
            className={styles.button}
            appearance={message.id === selectedId ? 'primary' : 'subtle'}
            aria-pressed={message.id === selectedId}
            onClick={() => onSelect(message)}
          >
            <span className={styles.text}>
              <Text className={message.isRead ? undefined : styles.unread}>
                {message.subject || strings.common.noSubject}
              </Text>
              <Caption1>
                {message.from.name || message.from.address} ·{' '}
                {strings.harness.folderNames[message.folder] ?? message.folder}
              </Caption1>
            </span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
