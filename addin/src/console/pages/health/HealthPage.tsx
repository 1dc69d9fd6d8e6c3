// Health: the API's own checks (database, job queue, Graph token, failed jobs) and, per feature,
// the Graph application permissions it needs, which are missing, what stops working without
// them, and how to grant them.
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { useAsync } from '../../../ui/use-async.js';
import { StateBadge } from '../../components/badges.js';
import { Outcome } from '../../components/bits.js';
import { formatWhen } from '../../components/format.js';
import { Section } from '../../components/Section.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '48rem' },
  list: { margin: 0, paddingInlineStart: '1.2em' },
});

export function HealthPage() {
  const styles = useStyles();
  const { api, navigate } = useConsole();
  const t = strings.console.health;
  const health = useAsync(() => api.health.get(), [api]);
  const permissions = useAsync(() => api.health.permissions(), [api]);

  return (
    <>
      <Section
        title={t.checksHeading}
        actions={
          <Button size="small" onClick={health.reload}>
            {strings.console.common.refresh}
          </Button>
        }
      >
        {health.status === 'loading' ? <LoadingState /> : null}
        {health.status === 'error' ? <ErrorState error={health.error} onRetry={health.reload} /> : null}
        {health.status === 'ready' ? (
          <Table size="small" aria-label={t.checksHeading}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.check}</TableHeaderCell>
                <TableHeaderCell>{t.state}</TableHeaderCell>
                <TableHeaderCell>{t.detail}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(
                Object.entries(health.data.checks) as [
                  keyof typeof t.checks,
                  { ok: boolean; detail?: string },
                ][]
              ).map(([name, check]) => (
                <TableRow key={name}>
                  <TableCell>{t.checks[name]}</TableCell>
                  <TableCell>
                    <StateBadge ok={check.ok}>{check.ok ? t.ok : t.problem}</StateBadge>
                  </TableCell>
                  <TableCell>{check.detail ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </Section>
      <Section
        title={t.permissionsHeading}
        actions={
          <Button size="small" onClick={permissions.reload}>
            {strings.console.common.refresh}
          </Button>
        }
      >
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
            <div className={styles.scroll}>
              <Table size="small" className={styles.table} aria-label={t.permissionsHeading}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.feature}</TableHeaderCell>
                    <TableHeaderCell>{t.state}</TableHeaderCell>
                    <TableHeaderCell>{t.required}</TableHeaderCell>
                    <TableHeaderCell>{t.toGrant}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {permissions.data.features.map((f) => (
                    <TableRow key={f.feature}>
                      <TableCell>{t.features[f.feature] ?? f.feature}</TableCell>
                      <TableCell>
                        <StateBadge ok={f.ready}>{f.ready ? t.ready : t.notReady}</StateBadge>
                      </TableCell>
                      <TableCell>{f.required.join(', ')}</TableCell>
                      <TableCell>
                        {f.missing.length ? (
                          <ul className={styles.list}>
                            {f.missing.map((m) => (
                              <li key={m.permission}>{t.grant(m.permission, m.impact)}</li>
                            ))}
                          </ul>
                        ) : (
                          t.nothingToGrant
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        ) : null}
      </Section>
    </>
  );
}
