// Directory sync progress per phase (domains, users, groups, memberships, roles): counts, pace,
// time left and the last error, with "sync now" for those who may.
import { Button, Caption1, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { DirectoryStatus } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { StateBadge } from '../../components/badges.js';
import { Facts } from '../../components/bits.js';
import { formatCount, formatDuration, formatWhen } from '../../components/format.js';

const useStyles = makeStyles({
  phases: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  phase: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function SyncStatus({
  status,
  canSync,
  syncing,
  onSync,
}: {
  status: DirectoryStatus;
  canSync: boolean;
  syncing: boolean;
  onSync: () => void;
}) {
  const styles = useStyles();
  const t = strings.console.directory;
  return (
    <>
      <Facts
        items={[
          [
            t.syncState,
            <StateBadge
              key="s"
              ok={status.state === 'synced' ? true : status.state === 'failed' ? false : null}
            >
              {t.syncStates[status.state]}
            </StateBadge>,
          ],
          [t.organization, status.organization?.displayName ?? '—'],
          [t.lastSynced, formatWhen(status.lastSyncedAt)],
          [t.schedule, status.schedule ?? t.noSchedule],
        ]}
      />
      {canSync ? (
        <div>
          <Button onClick={onSync} disabled={syncing || status.state === 'syncing'}>
            {status.state === 'syncing' || syncing ? t.syncing : t.syncNow}
          </Button>
        </div>
      ) : null}
      <div className={styles.phases}>
        {status.phases.map((p) => {
          const running = p.status === 'running';
          const value =
            running && p.expected
              ? Math.min(1, p.processed / p.expected)
              : p.status === 'completed'
                ? 1
                : running
                  ? undefined
                  : 0;
          return (
            <div key={p.phase} className={styles.phase}>
              <Field
                label={t.phases[p.phase]}
                validationState={p.status === 'failed' ? 'error' : 'none'}
                validationMessage={t.phaseStates[p.status]}
              >
                <ProgressBar
                  value={value}
                  max={1}
                  aria-valuetext={t.phaseCount(
                    formatCount(p.processed),
                    p.expected === null ? null : formatCount(p.expected),
                  )}
                />
              </Field>
              <Caption1>{t.stored(formatCount(p.stored))}</Caption1>
              {running ? (
                <Caption1>
                  {t.phaseCount(
                    formatCount(p.processed),
                    p.expected === null ? null : formatCount(p.expected),
                  )}
                  {p.etaSeconds !== null ? ` · ${t.eta(formatDuration(p.etaSeconds))}` : ''}
                </Caption1>
              ) : null}
              {p.lastError ? (
                <Caption1>{t.lastError(p.lastError, formatWhen(p.lastErrorAt))}</Caption1>
              ) : null}
            </div>
          );
        })}
      </div>
    </>
  );
}
