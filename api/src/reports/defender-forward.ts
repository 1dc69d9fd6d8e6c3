// The forward to the reporting mailbox in the format Microsoft Defender accepts from third-party
// report buttons: the subject starts with 1| (junk), 2| (not junk) or 3| (phishing), and the
// reported message is the one and only attachment, as an unmodified, uncompressed .eml.
import type { ReportCategory } from '@clawback/shared';

export const DEFENDER_PREFIX: Record<ReportCategory, string> = {
  junk: '1|',
  notJunk: '2|',
  phishing: '3|',
};

export interface ForwardFacts {
  category: ReportCategory;
  subject: string | null;
  reporter: string | null;
  comment: string | null;
  reportId: string;
  reportingMailbox: string;
  eml: Buffer;
}

/** The sendMail request body (Graph's message resource). */
export function defenderForward(facts: ForwardFacts) {
  const subject = (facts.subject ?? '').replace(/[\r\n\t]+/g, ' ');
  const lines = [
    `Reported as ${facts.category} by ${facts.reporter ?? 'a user'} through Clawback (report ${facts.reportId}).`,
    ...(facts.comment ? ['', `Comment: ${facts.comment}`] : []),
  ];
  return {
    message: {
      subject: `${DEFENDER_PREFIX[facts.category]}${subject}`.slice(0, 255),
      body: { contentType: 'Text', content: lines.join('\n') },
      toRecipients: [{ emailAddress: { address: facts.reportingMailbox } }],
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: attachmentName(facts.subject),
          contentType: 'message/rfc822',
          contentBytes: facts.eml.toString('base64'),
        },
      ],
    },
    saveToSentItems: false,
  };
}

/** A file name from the subject: safe characters only, never empty, always .eml. */
export function attachmentName(subject: string | null): string {
  const base = (subject ?? '')
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s._-]+|[\s.]+$/g, '')
    .slice(0, 80)
    .trim();
  return `${base || 'reported-message'}.eml`;
}
