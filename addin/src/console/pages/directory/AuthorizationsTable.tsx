// Each Clawback function's authorization (its app's admin consent): state from a fresh token,
// who consented and when, and what is still missing with what stops working without it.
import { Button } from '@fluentui/react-components';
import type { AppFunctionName, AuthorizationView } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { StateBadge } from '../../components/badges.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { formatWhen } from '../../components/format.js';
import { useListStyles } from '../../components/list-styles.js';
import { useCan } from '../../context.js';
import { CONSENT_CAPABILITY } from './OnboardingSteps.js';

export function AuthorizationsTable({
  authorizations,
  onAuthorize,
}: {
  authorizations: AuthorizationView[];
  onAuthorize: (fn: AppFunctionName) => void;
}) {
  const styles = useListStyles();
  const can = useCan();
  const t = strings.console.directory;
  const actionable = authorizations.some(
    (a) => a.state !== 'authorized' && can(CONSENT_CAPABILITY[a.function]),
  );
  const columns: (Column<AuthorizationView> | false)[] = [
    { header: t.function, cell: (a) => t.functions[a.function] },
    {
      header: t.state,
      cell: (a) => <StateBadge ok={a.state === 'authorized'}>{t.authorizationStates[a.state]}</StateBadge>,
    },
    {
      header: t.consented,
      cell: (a) => (a.consentedAt ? `${a.consentedBy ?? '—'} · ${formatWhen(a.consentedAt)}` : '—'),
    },
    {
      header: t.missing,
      cell: (a) => (
        <>
          {a.missing.length ? (
            <ul className={styles.cellList}>
              {a.missing.map((m) => (
                <li key={m.permission}>{t.missingPermission(m.permission, m.impact)}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
          {a.lastError ? <div>{t.lastError(a.lastError, formatWhen(a.lastErrorAt))}</div> : null}
        </>
      ),
    },
    actionable && {
      header: t.actions,
      cell: (a) =>
        a.state !== 'authorized' && can(CONSENT_CAPABILITY[a.function]) ? (
          <Button
            size="small"
            onClick={() => onAuthorize(a.function)}
            aria-label={t.authorizeNamed(t.functions[a.function])}
          >
            {t.authorize}
          </Button>
        ) : null,
    },
  ];
  return (
    <DataTable
      label={t.authorizationsHeading}
      columns={columns}
      rows={authorizations}
      rowKey={(a) => a.function}
      minWidth="48rem"
    />
  );
}
