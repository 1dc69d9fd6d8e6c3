// What Clawback writes and reads as mail: the Defender-format forward, reporter notifications from
// templates, the fingerprint that groups re-sends, and the Message-ID of an EML handed over.
import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_REPORTED_SETTINGS } from '@clawback/shared';
import { attachmentName, defenderForward } from '../../../api/src/reports/defender-forward.js';
import { emlMessageId, sameMessageId } from '../../../api/src/reports/eml.js';
import { fingerprintOf, normaliseSubject } from '../../../api/src/reports/enrichment/fingerprint.js';
import { outcomeMail, receiptMail, render } from '../../../api/src/reports/templates.js';

describe('Defender-format forward', () => {
  const eml = Buffer.from('Message-ID: <a@b>\r\nSubject: x\r\n\r\n\u00ff binary \u0000 body', 'latin1');
  const forward = (category: 'phishing' | 'junk' | 'notJunk') =>
    defenderForward({
      category,
      subject: 'Action required:\r\n your password',
      reporter: 'alice@contoso.com',
      comment: 'asks for my password',
      reportId: 'r1',
      reportingMailbox: 'phishing-reports@contoso.com',
      eml,
    });

  it('prefixes the subject 1|, 2| or 3| by category, on one line', () => {
    expect(forward('junk').message.subject).toBe('1|Action required:  your password');
    expect(forward('notJunk').message.subject).toMatch(/^2\|/);
    expect(forward('phishing').message.subject).toMatch(/^3\|/);
  });

  it('attaches the message unmodified as the one message/rfc822 .eml attachment', () => {
    const { message, saveToSentItems } = forward('phishing');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      contentType: 'message/rfc822',
      name: 'Action required your password.eml',
    });
    expect(Buffer.from(attachment!.contentBytes, 'base64').equals(eml)).toBe(true);
    expect(message.toRecipients).toEqual([{ emailAddress: { address: 'phishing-reports@contoso.com' } }]);
    expect(saveToSentItems).toBe(false);
  });

  it('names attachments safely', () => {
    expect(attachmentName('../../etc/passwd')).toBe('etc passwd.eml');
    expect(attachmentName(null)).toBe('reported-message.eml');
    expect(attachmentName('Rechnung für März')).toBe('Rechnung für März.eml');
  });
});

describe('notification templates', () => {
  const facts = {
    subject: 'Invoice\r\noverdue',
    sender: 'billing@c0ntoso.com',
    category: 'notJunk' as const,
    reportedAt: new Date('2026-11-26T10:00:00.123Z'),
    reporterName: 'alice@contoso.com',
  };

  it('fills placeholders, keeps unknown ones visible and values on one line', () => {
    expect(render('{{ subject }}/{{nope}}', { subject: 'x' })).toBe('x/{{nope}}');
    const mail = receiptMail(DEFAULT_USER_REPORTED_SETTINGS, facts);
    expect(mail.subject).toBe('We received your report: Invoice overdue');
    expect(mail.body).toContain('as not junk on 2026-11-26 10:00:00Z');
  });

  it('tells the outcome of each disposition in the tenant words', () => {
    const mail = outcomeMail(DEFAULT_USER_REPORTED_SETTINGS, { ...facts, disposition: 'CLEAN' });
    expect(mail.body).toContain('It was safe');
    expect(mail.body).toContain('billing@c0ntoso.com');
  });
});

describe('fingerprint', () => {
  const base = {
    sender: 'Billing@C0ntoso.com',
    subject: 'Invoice 4471 overdue',
    body: { contentType: 'html', content: '<p>Pay   today</p>' },
    attachmentHashes: ['b', 'a', null],
  };

  it('is the same for reply prefixes, tags, case, whitespace and attachment order', () => {
    expect(normaliseSubject('RE: Fwd:  [EXTERNAL] Invoice  4471 overdue')).toBe('invoice 4471 overdue');
    const variant = {
      ...base,
      sender: 'billing@c0ntoso.com',
      subject: 'FW: invoice 4471 OVERDUE',
      body: { contentType: 'text', content: 'pay today' },
      attachmentHashes: ['a', 'b'],
    };
    expect(fingerprintOf(variant)).toBe(fingerprintOf(base));
  });

  it('differs for another sender, body or attachment', () => {
    const print = fingerprintOf(base);
    expect(fingerprintOf({ ...base, sender: 'billing@contoso.com' })).not.toBe(print);
    expect(fingerprintOf({ ...base, body: { contentType: 'text', content: 'pay tomorrow' } })).not.toBe(
      print,
    );
    expect(fingerprintOf({ ...base, attachmentHashes: ['a', 'c'] })).not.toBe(print);
  });
});

describe('EML Message-ID', () => {
  it('reads a folded Message-ID from the header block only', () => {
    const eml = Buffer.from(
      'Subject: hi\r\nMessage-ID:\r\n <abc@mail.c0ntoso.com>\r\n\r\nMessage-ID: <body@x>',
    );
    expect(emlMessageId(eml)).toBe('<abc@mail.c0ntoso.com>');
    expect(emlMessageId(Buffer.from('Subject: hi\n\nMessage-ID: <body@x>'))).toBeNull();
    expect(sameMessageId('<ABC@mail.c0ntoso.com>', ' <abc@mail.c0ntoso.com>')).toBe(true);
    expect(sameMessageId(null, '<a@b>')).toBe(false);
  });
});
