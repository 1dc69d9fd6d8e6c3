// Loading, empty and error states, designed once and used by every section.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { describeError } from '../api/describe-error.js';
import { strings } from '../strings.js';

const useStyles = makeStyles({
  empty: { color: tokens.colorNeutralForeground3, paddingBlock: tokens.spacingVerticalS },
});

export function LoadingState({ label = strings.common.loading }: { label?: string }) {
  return <Spinner size="tiny" labelPosition="after" label={label} />;
}

export function EmptyState({ children }: { children: string }) {
  const styles = useStyles();
  return (
    <Text as="p" className={styles.empty}>
      {children}
    </Text>
  );
}

export function ErrorState({
  error,
  onRetry,
  message,
}: {
  error: unknown;
  onRetry?: () => void;
  message?: string;
}) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message ?? describeError(error)}</MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {strings.common.retry}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
