// The mailboxes a retraction failed on or skipped, grouped by reason, while it runs and after.
import { useId, useRef } from 'react';
import { Badge, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Retraction } from '../../api/schemas.js';
import { TERMINAL_RETRACTION_STATUSES } from '../../api/schemas.js';
import { strings } from '../../strings.js';
import { ErrorState, LoadingState } from '../../ui/StateViews.js';
import { useServices } from '../../ui/services.js';
import { useAsync } from '../../ui/use-async.js';
import {
  describeReason,
  loadFailureGroups,
  type FailureGroup,
  type FailureGroups,
} from './failure-groups.js';
import { useThrottled } from './use-throttled.js';

const REFRESH_MS = 5_000;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export function FailuresByReason({ retraction }: { retraction: Retraction }) {
  const styles = useStyles();
  const { api } = useServices();
  const headingId = useId();
  const { failed, skipped } = retraction.counts;
  const ended = TERMINAL_RETRACTION_STATUSES.has(retraction.status);
  const version = useThrottled(`${failed}/${skipped}/${ended}`, REFRESH_MS, ended);
  const groups = useAsync(() => loadFailureGroups(api, retraction.id), [api, retraction.id, version]);
  // While a newer list loads, the last one stays on screen instead of a spinner every few seconds.
  const shown = useRef<FailureGroups | null>(null);
  if (groups.status === 'ready') shown.current = groups.data;
  const data = shown.current;

  let body;
  if (groups.status === 'error') body = <ErrorState error={groups.error} onRetry={groups.reload} />;
  else if (!data) body = <LoadingState label={strings.failures.loading} />;
  else
    body = (
      <>
        <ul className={styles.list}>
          {data.groups.map((group) => (
            <Group key={`${group.state}|${group.reason ?? ''}`} group={group} />
          ))}
        </ul>
        {data.sampled ? (
          <Caption1 className={styles.muted}>{strings.failures.sampled(data.pageSize)}</Caption1>
        ) : null}
      </>
    );
  return (
    <section aria-labelledby={headingId} className={styles.root} data-testid="failures-by-reason">
      <h4 id={headingId}>{strings.failures.heading}</h4>
      {body}
    </section>
  );
}

function Group({ group }: { group: FailureGroup }) {
  const styles = useStyles();
  const t = strings.failures;
  const others = group.count - group.mailboxes.length;
  return (
    <li className={styles.group}>
      <div className={styles.row}>
        <Badge appearance="tint" color={group.state === 'failed' ? 'danger' : 'warning'}>
          {group.state === 'failed' ? t.failedLabel : t.skippedLabel}
        </Badge>
        <Text weight="semibold">{describeReason(group.reason)}</Text>
        <Caption1>{t.count(group.count)}</Caption1>
      </div>
      {group.reason && /^\d{3}\b/.test(group.reason) ? (
        <Caption1 className={styles.muted}>{group.reason}</Caption1>
      ) : null}
      <Caption1 className={styles.muted}>
        {group.mailboxes.join(', ')}
        {others > 0 ? ` ${t.more(others)}` : ''}
      </Caption1>
    </li>
  );
}
