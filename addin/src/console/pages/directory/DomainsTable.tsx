// The tenant's domains and where each is in onboarding, with publish and unpublish for those who
// hold both directory-integration roles (or Global Administrator).
import { useState } from 'react';
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
import type { DomainSummary } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState } from '../../../ui/StateViews.js';
import { StateBadge } from '../../components/badges.js';
import { formatCount, formatWhen } from '../../components/format.js';

const useStyles = makeStyles({ scroll: { overflowX: 'auto' }, table: { minWidth: '48rem' } });

export function DomainsTable({
  domains,
  canPublish,
  publish,
  unpublish,
}: {
  domains: DomainSummary[];
  canPublish: boolean;
  publish: (name: string) => Promise<void>;
  unpublish: (name: string) => Promise<void>;
}) {
  const styles = useStyles();
  const t = strings.console.directory;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function act(name: string, action: (name: string) => Promise<void>) {
    setBusy(name);
    setError(null);
    try {
      await action(name);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  if (!domains.length) return <EmptyState>{t.noDomains}</EmptyState>;
  return (
    <div className={styles.scroll}>
      <Table size="small" className={styles.table} aria-label={t.domainsHeading}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.domain}</TableHeaderCell>
            <TableHeaderCell>{t.state}</TableHeaderCell>
            <TableHeaderCell>{t.counts}</TableHeaderCell>
            <TableHeaderCell>{t.publishedBy}</TableHeaderCell>
            {canPublish ? <TableHeaderCell>{t.actions}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {domains.map((d) => (
            <TableRow key={d.name}>
              <TableCell>
                {d.name}
                {d.isDefault ? ` (${t.default})` : ''}
                {!d.isVerified ? ` (${t.unverified})` : ''}
              </TableCell>
              <TableCell>
                <StateBadge ok={d.state === 'synced' ? true : null}>{t.domainStates[d.state]}</StateBadge>
              </TableCell>
              <TableCell>
                {t.domainCounts(formatCount(d.users), formatCount(d.mailboxes), formatCount(d.groups))}
              </TableCell>
              <TableCell>
                {d.publishedAt ? `${d.publishedBy ?? '—'} · ${formatWhen(d.publishedAt)}` : '—'}
              </TableCell>
              {canPublish ? (
                <TableCell>
                  {d.published ? (
                    <Button
                      size="small"
                      disabled={busy === d.name}
                      onClick={() => void act(d.name, unpublish)}
                      aria-label={t.unpublishNamed(d.name)}
                    >
                      {t.unpublish}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      disabled={busy === d.name || !d.isVerified}
                      onClick={() => void act(d.name, publish)}
                      aria-label={t.publishNamed(d.name)}
                    >
                      {t.publish}
                    </Button>
                  )}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error ? <ErrorState error={error} /> : null}
    </div>
  );
}
