// Each Clawback function's authorization (its app's admin consent): state from a fresh token,
// who consented and when, and what is still missing with what stops working without it.
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
import type { AppFunctionName, AuthorizationView } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { StateBadge } from '../../components/badges.js';
import { formatWhen } from '../../components/format.js';
import { useCan } from '../../context.js';
import { CONSENT_CAPABILITY } from './OnboardingSteps.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '48rem' },
  list: { margin: 0, paddingInlineStart: '1.2em' },
});

export function AuthorizationsTable({
  authorizations,
  onAuthorize,
}: {
  authorizations: AuthorizationView[];
  onAuthorize: (fn: AppFunctionName) => void;
}) {
  const styles = useStyles();
  const can = useCan();
  const t = strings.console.directory;
  const actionable = authorizations.some(
    (a) => a.state !== 'authorized' && can(CONSENT_CAPABILITY[a.function]),
  );
  return (
    <div className={styles.scroll}>
      <Table size="small" className={styles.table} aria-label={t.authorizationsHeading}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.function}</TableHeaderCell>
            <TableHeaderCell>{t.state}</TableHeaderCell>
            <TableHeaderCell>{t.consented}</TableHeaderCell>
            <TableHeaderCell>{t.missing}</TableHeaderCell>
            {actionable ? <TableHeaderCell>{t.actions}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {authorizations.map((a) => (
            <TableRow key={a.function}>
              <TableCell>{t.functions[a.function]}</TableCell>
              <TableCell>
                <StateBadge ok={a.state === 'authorized'}>{t.authorizationStates[a.state]}</StateBadge>
              </TableCell>
              <TableCell>
                {a.consentedAt ? `${a.consentedBy ?? '—'} · ${formatWhen(a.consentedAt)}` : '—'}
              </TableCell>
              <TableCell>
                {a.missing.length ? (
                  <ul className={styles.list}>
                    {a.missing.map((m) => (
                      <li key={m.permission}>{t.missingPermission(m.permission, m.impact)}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
                {a.lastError ? <div>{t.lastError(a.lastError, formatWhen(a.lastErrorAt))}</div> : null}
              </TableCell>
              {actionable ? (
                <TableCell>
                  {a.state !== 'authorized' && can(CONSENT_CAPABILITY[a.function]) ? (
                    <Button
                      size="small"
                      onClick={() => onAuthorize(a.function)}
                      aria-label={t.authorizeNamed(t.functions[a.function])}
                    >
                      {t.authorize}
                    </Button>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
