// The tenant's domains and where each is in onboarding, with publish and unpublish for those who
// hold both directory-integration roles (or Global Administrator).
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { DomainSummary } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState } from '../../../ui/StateViews.js';
import { StateBadge } from '../../components/badges.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { formatCount, formatWhen } from '../../components/format.js';

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

  const columns: (Column<DomainSummary> | false)[] = [
    {
      header: t.domain,
      cell: (d) => (
        <>
          {d.name}
          {d.isDefault ? ` (${t.default})` : ''}
          {!d.isVerified ? ` (${t.unverified})` : ''}
        </>
      ),
    },
    {
      header: t.state,
      cell: (d) => <StateBadge ok={d.state === 'synced' ? true : null}>{t.domainStates[d.state]}</StateBadge>,
    },
    {
      header: t.counts,
      cell: (d) => t.domainCounts(formatCount(d.users), formatCount(d.mailboxes), formatCount(d.groups)),
    },
    {
      header: t.publishedBy,
      cell: (d) => (d.publishedAt ? `${d.publishedBy ?? '—'} · ${formatWhen(d.publishedAt)}` : '—'),
    },
    canPublish && {
      header: t.actions,
      cell: (d) =>
        d.published ? (
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
        ),
    },
  ];

  if (!domains.length) return <EmptyState>{t.noDomains}</EmptyState>;
  return (
    <>
      <DataTable
        label={t.domainsHeading}
        columns={columns}
        rows={domains}
        rowKey={(d) => d.name}
        minWidth="48rem"
      />
      {error ? <ErrorState error={error} /> : null}
    </>
  );
}
