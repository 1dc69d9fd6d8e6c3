// Health: the API's own checks (database, job queue, Graph token, failed jobs) and, per feature,
// the Graph application permissions it needs, which are missing, what stops working without
// them, and how to grant them.
import { Button } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { useAsync } from '../../../ui/use-async.js';
import { StateBadge } from '../../components/badges.js';
import { Outcome, RefreshButton } from '../../components/bits.js';
import { DataTable } from '../../components/DataTable.js';
import { formatWhen } from '../../components/format.js';
import { useListStyles } from '../../components/list-styles.js';
import { Section } from '../../components/Section.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';

type CheckName = keyof typeof strings.console.health.checks;

export function HealthPage() {
  const styles = useListStyles();
  const { api, navigate } = useConsole();
  const t = strings.console.health;
  const health = useAsync(() => api.health.get(), [api]);
  const permissions = useAsync(() => api.health.permissions(), [api]);

  return (
    <>
      <Section title={t.checksHeading} actions={<RefreshButton onClick={health.reload} />}>
        {health.status === 'loading' ? <LoadingState /> : null}
        {health.status === 'error' ? <ErrorState error={health.error} onRetry={health.reload} /> : null}
        {health.status === 'ready' ? (
          <DataTable
            label={t.checksHeading}
            columns={[
              { header: t.check, cell: ([name]) => t.checks[name] },
              {
                header: t.state,
                cell: ([, check]) => <StateBadge ok={check.ok}>{check.ok ? t.ok : t.problem}</StateBadge>,
              },
              { header: t.detail, cell: ([, check]) => check.detail ?? '—' },
            ]}
            rows={Object.entries(health.data.checks) as [CheckName, { ok: boolean; detail?: string }][]}
            rowKey={([name]) => name}
          />
        ) : null}
      </Section>
      <Section title={t.permissionsHeading} actions={<RefreshButton onClick={permissions.reload} />}>
        {permissions.status === 'loading' ? <LoadingState /> : null}
        {permissions.status === 'error' ? (
          <ErrorState error={permissions.error} onRetry={permissions.reload} />
        ) : null}
        {permissions.status === 'ready' ? (
          <>
            <p>
              {t.checkedAt(
                formatWhen(permissions.data.checkedAt),
                permissions.data.granted.join(', ') || t.none,
              )}
            </p>
            {permissions.data.features.some((f) => !f.ready) ? (
              <Outcome intent="warning" title={t.howToGrantTitle}>
                {t.howToGrant}{' '}
                <Button size="small" appearance="transparent" onClick={() => navigate(route('directory'))}>
                  {t.openDirectory}
                </Button>
              </Outcome>
            ) : null}
            <DataTable
              label={t.permissionsHeading}
              columns={[
                { header: t.feature, cell: (f) => t.features[f.feature] ?? f.feature },
                {
                  header: t.state,
                  cell: (f) => <StateBadge ok={f.ready}>{f.ready ? t.ready : t.notReady}</StateBadge>,
                },
                { header: t.required, cell: (f) => f.required.join(', ') },
                {
                  header: t.toGrant,
                  cell: (f) =>
                    f.missing.length ? (
                      <ul className={styles.cellList}>
                        {f.missing.map((m) => (
                          <li key={m.permission}>{t.grant(m.permission, m.impact)}</li>
                        ))}
                      </ul>
                    ) : (
                      t.nothingToGrant
                    ),
                },
              ]}
              rows={permissions.data.features}
              rowKey={(f) => f.feature}
              minWidth="48rem"
            />
          </>
        ) : null}
      </Section>
    </>
  );
}
