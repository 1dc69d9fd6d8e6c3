// Everything an analyst wants to know about a reported message at a glance, computed once at intake
// from what Graph returned for the reporter's copy. Pure: no I/O, the same input gives the same output.
import type { Enrichment } from '@clawback/shared';
import { addressFacts, type AddressFacts } from './addresses.js';
import type { AttachmentFacts } from './attachments.js';
import { authenticationResults, receivedChain, type Header } from './headers.js';
import { lookalikeOf } from './lookalike.js';
import { defangHost, defangUrl, extractUrls } from './urls.js';

export interface MessageFacts {
  subject: string | null;
  from: { name?: string | null; address?: string | null } | null;
  sender: { name?: string | null; address?: string | null } | null;
  replyTo: { name?: string | null; address?: string | null }[];
  body: { contentType: string; content: string };
  headers: readonly Header[];
  attachments: readonly AttachmentFacts[];
}

export function enrich(message: MessageFacts, tenantDomains: readonly string[]): Enrichment {
  const from = addressFacts(message.from);
  const sender = addressFacts(message.sender) ?? from;
  const replyTo = message.replyTo.map(addressFacts).filter((a): a is AddressFacts => !!a);
  const urls = extractUrls(message.body);
  return {
    sender,
    from,
    replyTo,
    replyToMismatch: !!from && replyTo.some((r) => r.domain !== from.domain),
    authentication: authenticationResults(message.headers),
    urls: urls.map((u) => ({ url: defangUrl(u.url), host: defangHost(u.host) })),
    attachments: message.attachments.map((a) => ({ ...a })),
    lookalikes: lookalikes(
      [
        ...(sender ? [{ domain: sender.domain, where: 'sender' as const }] : []),
        ...(from && from.domain !== sender?.domain ? [{ domain: from.domain, where: 'from' as const }] : []),
        ...replyTo.map((r) => ({ domain: r.domain, where: 'replyTo' as const })),
        ...urls.map((u) => ({ domain: u.host, where: 'url' as const })),
      ],
      tenantDomains,
    ),
    received: receivedChain(message.headers),
  };
}

function lookalikes(
  places: { domain: string; where: Enrichment['lookalikes'][number]['where'] }[],
  tenantDomains: readonly string[],
): Enrichment['lookalikes'] {
  const seen = new Set<string>();
  const out: Enrichment['lookalikes'] = [];
  for (const { domain, where } of places) {
    const key = `${where}|${domain}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const match = lookalikeOf(domain, tenantDomains);
    if (match) out.push({ ...match, domain: defangHost(match.domain), where });
  }
  return out;
}
