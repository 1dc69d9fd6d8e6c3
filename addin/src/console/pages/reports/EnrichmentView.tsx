// What the API found in the reported message: who really sent it, whether it authenticated, its
// links (defanged) and attachments, look-alike domains and the path it took.
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Enrichment } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { EmptyState } from '../../../ui/StateViews.js';
import { Facts, Outcome } from '../../components/bits.js';
import { formatCount } from '../../components/format.js';
import { Section } from '../../components/Section.js';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
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
              <li key={u.url} className={styles.mono}>
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
          <Table size="small" aria-label={t.attachments(enrichment.attachments.length)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.name}</TableHeaderCell>
                <TableHeaderCell>{t.type}</TableHeaderCell>
                <TableHeaderCell>{t.size}</TableHeaderCell>
                <TableHeaderCell>SHA-256</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {enrichment.attachments.map((a) => (
                <TableRow key={`${a.name}-${a.sha256}`}>
                  <TableCell>{a.name}</TableCell>
                  <TableCell>{a.contentType}</TableCell>
                  <TableCell>{formatCount(a.size)}</TableCell>
                  <TableCell className={styles.mono}>{a.sha256 ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <EmptyState>{t.noAttachments}</EmptyState>
        )}
      </Section>
      {enrichment.received.length ? (
        <Section title={t.received}>
          <ol>
            {enrichment.received.map((hop, i) => (
              <li key={i} className={styles.mono}>
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
