// Reporter notifications from the tenant's templates: {{placeholders}} filled in, sent as plain
// text so nothing from the reported message (its subject, its sender) can become markup.
import type { Disposition, ReportCategory, UserReportedSettings } from '@clawback/shared';

export interface NotificationFacts {
  subject: string | null;
  sender: string | null;
  category: ReportCategory;
  reportedAt: Date;
  reporterName: string | null;
  disposition?: Disposition;
}

export interface RenderedMail {
  subject: string;
  body: string;
}

const CATEGORY_WORDS: Record<ReportCategory, string> = {
  phishing: 'phishing',
  junk: 'junk',
  notJunk: 'not junk',
};

export function render(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function values(facts: NotificationFacts): Record<string, string> {
  return {
    subject: oneLine(facts.subject ?? '(no subject)'),
    sender: oneLine(facts.sender ?? 'an unknown sender'),
    category: CATEGORY_WORDS[facts.category],
    reportedAt: facts.reportedAt
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace('T', ' '),
    reporterName: oneLine(facts.reporterName ?? 'there'),
  };
}

export function receiptMail(settings: UserReportedSettings, facts: NotificationFacts): RenderedMail {
  const template = settings.notifications.onReceipt;
  const filled = values(facts);
  return { subject: oneLine(render(template.subject, filled)), body: render(template.body, filled) };
}

export function outcomeMail(
  settings: UserReportedSettings,
  facts: NotificationFacts & { disposition: Disposition },
): RenderedMail {
  const template = settings.notifications.onVerdict;
  const filled = {
    ...values(facts),
    disposition: facts.disposition,
    outcome: template.outcomes[facts.disposition],
  };
  return { subject: oneLine(render(template.subject, filled)), body: render(template.body, filled) };
}

/** Subjects and names from a message stay on one line and within reason. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
}
