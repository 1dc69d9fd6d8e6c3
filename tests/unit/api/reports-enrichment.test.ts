// Enrichment of a reported message: authentication results, URLs (defanged), reply-to mismatch,
// received chain, attachments and lookalike flags, from the headers and body Graph returns.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { domainOf } from '../../../api/src/reports/enrichment/addresses.js';
import { attachmentFacts } from '../../../api/src/reports/enrichment/attachments.js';
import { enrich, type MessageFacts } from '../../../api/src/reports/enrichment/enrich.js';
import { authenticationResults, receivedChain } from '../../../api/src/reports/enrichment/headers.js';
import { htmlToText } from '../../../api/src/reports/enrichment/html-text.js';
import { defangUrl, extractUrls } from '../../../api/src/reports/enrichment/urls.js';

const TENANT = ['contoso.com', 'contoso.onmicrosoft.com'];

/** The demo campaign as Graph returns alice's copy. */
const campaign: MessageFacts = {
  subject: 'Action required: your password expires today',
  from: { name: 'IT Service Desk', address: 'it-support@c0ntoso.com' },
  sender: { name: 'IT Service Desk', address: 'it-support@c0ntoso.com' },
  replyTo: [{ name: 'IT Service Desk', address: 'helpdesk-verify@outlook-mail.example' }],
  body: {
    contentType: 'html',
    content:
      '<html><body><p>Dear colleague,</p><p>Keep your current password:</p>' +
      '<p><a href="https://c0ntoso-login.example/reset?session=8f2a&amp;u=1">Keep my password</a></p>' +
      '<p>Or visit http://contoso.com/help.</p></body></html>',
  },
  headers: [
    {
      name: 'Received',
      value:
        'from mail.c0ntoso.com (198.51.100.23) by sandbox.protection.outlook.com; Thu, 26 Nov 2026 08:43:42 GMT',
    },
    {
      name: 'Authentication-Results',
      value:
        'spf=fail (sender IP is 198.51.100.23) smtp.mailfrom=c0ntoso.com; dkim=none (message not signed); dmarc=fail action=none header.from=c0ntoso.com',
    },
    { name: 'From', value: 'IT Service Desk <it-support@c0ntoso.com>' },
  ],
  attachments: [],
};

describe('enrich', () => {
  const result = enrich(campaign, TENANT);

  it('reads SPF, DKIM and DMARC from Authentication-Results', () => {
    expect(result.authentication).toEqual({ spf: 'fail', dkim: 'none', dmarc: 'fail' });
  });

  it('flags the reply-to domain that differs from the sender', () => {
    expect(result.replyToMismatch).toBe(true);
    expect(result.replyTo[0]).toEqual({
      name: 'IT Service Desk',
      address: 'helpdesk-verify@outlook-mail.example',
      domain: 'outlook-mail.example',
    });
    expect(enrich({ ...campaign, replyTo: [campaign.from!] }, TENANT).replyToMismatch).toBe(false);
  });

  it('lists URLs from links and text, defanged', () => {
    expect(result.urls).toEqual([
      { url: 'hxxps://c0ntoso-login[.]example/reset?session=8f2a&u=1', host: 'c0ntoso-login[.]example' },
      { url: 'hxxp://contoso[.]com/help', host: 'contoso[.]com' },
    ]);
  });

  it('flags the lookalike sender and link domains against the tenant domains', () => {
    expect(result.lookalikes).toEqual([
      { domain: 'c0ntoso[.]com', resembles: 'contoso.com', kind: 'homoglyph', where: 'sender' },
      { domain: 'c0ntoso-login[.]example', resembles: 'contoso.com', kind: 'embedded', where: 'url' },
    ]);
  });

  it('reads the received chain', () => {
    expect(result.received).toEqual([
      {
        from: 'mail.c0ntoso.com',
        by: 'sandbox.protection.outlook.com',
        ip: '198.51.100.23',
        date: 'Thu, 26 Nov 2026 08:43:42 GMT',
      },
    ]);
  });
});

describe('headers', () => {
  it('takes the topmost Authentication-Results, unfolds lines and falls back to Received-SPF', () => {
    expect(
      authenticationResults([
        {
          name: 'authentication-results',
          value: 'mx.contoso.com;\r\n\tspf=pass smtp.mailfrom=a.example;\r\n dkim=pass',
        },
        { name: 'Authentication-Results', value: 'spf=fail; dkim=fail; dmarc=fail' },
      ]),
    ).toEqual({ spf: 'pass', dkim: 'pass', dmarc: null });
    expect(
      authenticationResults([{ name: 'Received-SPF', value: 'SoftFail (protection.outlook.com)' }]),
    ).toEqual({
      spf: 'softfail',
      dkim: null,
      dmarc: null,
    });
  });

  it('reads IPv6 hops and hops without a date', () => {
    expect(
      receivedChain([
        { name: 'Received', value: 'from relay.example ([IPv6:2001:db8::1]) by mx.contoso.com' },
      ]),
    ).toEqual([{ from: 'relay.example', by: 'mx.contoso.com', ip: '2001:db8::1', date: null }]);
  });
});

describe('urls', () => {
  it('finds URLs in text bodies and trims trailing punctuation', () => {
    expect(
      extractUrls({ contentType: 'text', content: 'see https://a.example/x). and (http://b.example/y, ok' }),
    ).toEqual([
      { url: 'https://a.example/x', host: 'a.example' },
      { url: 'http://b.example/y', host: 'b.example' },
    ]);
  });

  it('ignores mailto, javascript and relative links', () => {
    expect(
      extractUrls({
        contentType: 'html',
        content: '<a href="mailto:x@y.example">m</a><a href="javascript:alert(1)">j</a><a href="/x">r</a>',
      }),
    ).toEqual([]);
  });

  it('defangs the scheme and every dot of the host, not the path', () => {
    expect(defangUrl('https://evil.example.com/a.b?c=d.e')).toBe('hxxps://evil[.]example[.]com/a.b?c=d.e');
    expect(defangUrl('HTTP://x.example')).toBe('hxxp://x[.]example');
  });

  it('reads punycode domains as Unicode so homoglyphs are visible', () => {
    expect(domainOf('x@xn--cntoso-wqf.com')).toBe('cоntoso.com');
  });
});

describe('attachments and text', () => {
  it('hashes file attachment bytes with SHA-256', () => {
    const bytes = Buffer.from('invoice');
    expect(
      attachmentFacts({
        name: 'invoice.pdf',
        contentType: 'application/pdf',
        size: 999,
        contentBytes: bytes.toString('base64'),
      }),
    ).toEqual({
      name: 'invoice.pdf',
      contentType: 'application/pdf',
      size: 7,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(
      attachmentFacts({ '@odata.type': '#microsoft.graph.itemAttachment', name: 'fwd', size: 10 }).sha256,
    ).toBeNull();
  });

  it('turns HTML into text without scripts and with entities decoded', () => {
    expect(
      htmlToText('<style>p{}</style><p>a&amp;b</p><script>x()</script>c&#39;d&#x41;').replace(/ /g, ''),
    ).toBe("a&b\nc'dA");
  });
});
