// The message the task pane is about: subject, sender, when it arrived.
import { Caption1, Card, CardHeader, Text, makeStyles } from '@fluentui/react-components';
import type { MailItem } from '../host/mail-host.js';
import { strings } from '../strings.js';

const useStyles = makeStyles({
  subject: { overflowWrap: 'anywhere' },
});

export function MessageCard({ item }: { item: MailItem }) {
  const styles = useStyles();
  const sender = item.from.address
    ? strings.message.from(item.from.name, item.from.address)
    : strings.common.unknownSender;
  const received = item.receivedDateTime ? new Date(item.receivedDateTime).toLocaleString() : null;
  return (
    <Card appearance="subtle" aria-label={strings.message.heading}>
      <CardHeader
        header={
          <Text weight="semibold" className={styles.subject} data-testid="message-subject">
            {item.subject || strings.common.noSubject}
          </Text>
        }
        description={
          <Caption1>
            {sender}
            {received ? ` · ${strings.message.received(received)}` : ''}
          </Caption1>
        }
      />
    </Card>
  );
}
