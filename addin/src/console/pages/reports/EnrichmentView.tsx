// What the API found in the reported message: who really sent it, whether it authenticated, its
// links (defanged) and attachments, look-alike domains and the path it took.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Enrichment } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState } from '../../../ui/StateViews.js';
import { Facts, Outcome } from '../../components/bits.js';
import { DataTable } from '../../components/DataTable.js';
import { formatCount } from '../../components/format.js';
import { useListStyles } from '../../components/list-styles.js';
import { Section } from '../../components/Section.js';

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Address = Enrichment['from'];
const addressText = (a: Address) => (a ? (a.name ? `${a.name} <${a.address}>` : a.address) : '—');

function AuthBadge({ name, result }: { name: string; result: string | null }) {
  const ok = result?.toLowerCase() === 'pass';
  return (
    <Badge appearance="tint" color={result === null ? 'informative' : ok ? 'success' : 'danger'}>
      {`${name}: ${result ?? strings.console.enrichment.none}`}
    </Badge>
  );
}

export function EnrichmentView({ enrichment }: { enrichment: Enrichment | null | undefined }) {
  const styles = useStyles();
  const shared = useListStyles();
  const t = strings.console.enrichment;
  if (!enrichment) return <EmptyState>{t.unavailable}</EmptyState>;
  const { authentication: auth } = enrichment;
  return (
    <>
      <Facts
        items={[
          [t.from, addressText(enrichment.from)],
          [t.sender, addressText(enrichment.sender)],
          [t.replyTo, enrichment.replyTo.map(addressText).join(', ') || '—'],
          [
            t.authentication,
            <span key="auth" className={styles.badges}>
              <AuthBadge name="SPF" result={auth.spf} />
              <AuthBadge name="DKIM" result={auth.dkim} />
              <AuthBadge name="DMARC" result={auth.dmarc} />
            </span>,
          ],
        ]}
      />
      {enrichment.replyToMismatch ? <Outcome intent="warning">{t.replyToMismatch}</Outcome> : null}
      {enrichment.lookalikes.map((l) => (
        <Outcome key={`${l.where}-${l.domain}`} intent="warning">
          {t.lookalike(l.domain, l.resembles, t.lookalikeKinds[l.kind], t.where[l.where])}
        </Outcome>
      ))}
      <Section title={t.urls(enrichment.urls.length)}>
        {enrichment.urls.length ? (
          <ul>
            {enrichment.urls.map((u) => (
              <li key={u.url} className={shared.mono}>
                {u.url}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t.noUrls}</EmptyState>
        )}
      </Section>
      <Section title={t.attachments(enrichment.attachments.length)}>
        {enrichment.attachments.length ? (
          <DataTable
            label={t.attachments(enrichment.attachments.length)}
            columns={[
              { header: t.name, cell: (a) => a.name },
              { header: t.type, cell: (a) => a.contentType },
              { header: t.size, cell: (a) => formatCount(a.size) },
              { header: 'SHA-256', cell: (a) => a.sha256 ?? '—', className: shared.mono },
            ]}
            rows={enrichment.attachments}
            rowKey={(a) => `${a.name}-${a.sha256}`}
          />
        ) : (
          <EmptyState>{t.noAttachments}</EmptyState>
        )}
      </Section>
      {enrichment.received.length ? (
        <Section title={t.received}>
          <ol>
            {enrichment.received.map((hop, i) => (
              <li key={i} className={shared.mono}>
                {[hop.from, hop.by && `→ ${hop.by}`, hop.ip && `[${hop.ip}]`, hop.date]
                  .filter(Boolean)
                  .join(' ')}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </>
  );
}
