// Small pieces several pages share: a definition list, a "load more" row, a refresh button, an
// outcome message.
import type { ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { strings } from '../../strings.js';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  more: { paddingBlock: tokens.spacingVerticalS },
});

export function Facts({ items }: { items: [string, ReactNode][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {items.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LoadMore({
  visible,
  busy,
  onClick,
}: {
  visible: boolean;
  busy: boolean;
  onClick: () => void;
}) {
  const styles = useStyles();
  if (!visible) return null;
  return (
    <div className={styles.more}>
      <Button onClick={onClick} disabled={busy}>
        {busy ? strings.common.loading : strings.console.common.loadMore}
      </Button>
    </div>
  );
}

export function RefreshButton({
  onClick,
  disabled,
  size = 'small',
}: {
  onClick: () => void;
  disabled?: boolean;
  size?: 'small' | 'medium';
}) {
  return (
    <Button size={size} onClick={onClick} disabled={disabled}>
      {strings.console.common.refresh}
    </Button>
  );
}

export function Outcome({
  intent,
  title,
  children,
}: {
  intent: 'success' | 'warning' | 'info' | 'error';
  title?: string;
  children: ReactNode;
}) {
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
