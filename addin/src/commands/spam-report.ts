// The handler behind Outlook's own Report button (integrated spam reporting, Mailbox 1.14): send
// the message's EML with the options and text the user gave in Outlook's dialog, then tell
// Outlook where to put the message and what to say. It runs in Outlook's JavaScript-only runtime
// on classic Windows, so it is bundled into the plain script commands.js (no imports at run time,
// no Office.onReady: all start-up work happens inside the handler).
import type { ReportCategory } from '@clawback/shared';
import type { ApiClient } from '../api/client.js';
import { describeError } from '../api/describe-error.js';
import type { ReporterCopyAction } from '../api/schemas.js';
import type { MailHost } from '../host/mail-host.js';
import { strings } from '../strings.js';

/** What Outlook passes the handler (Office.SpamReportingEventArgs). */
export interface SpamReportEvent {
  /** One boolean per ReportingOptions entry of the manifest, in order. */
  options?: boolean[];
  freeText?: string;
}

/**
 * Office.MailboxEnums.MoveSpamItemTo values for the tenant's choice of what happens to the
 * reporter's copy (the API answers it with each report).
 */
export const MOVE_SPAM_ITEM_TO = {
  junk: 'junkFolder',
  deletedItems: 'deletedItemsFolder',
  keep: 'noMove',
} as const satisfies Record<ReporterCopyAction, string>;

export type MoveSpamItemTo = (typeof MOVE_SPAM_ITEM_TO)[ReporterCopyAction];

/** The argument of event.completed (Office.SpamReportingEventCompletedOptions). */
export interface SpamReportCompletion {
  onErrorDeleteItem: boolean;
  moveItemTo: MoveSpamItemTo;
  showPostProcessingDialog: { title: string; description: string };
}

export interface SpamReportDependencies {
  host: MailHost;
  api: Pick<ApiClient, 'createReport'>;
  /** Outlook gives the handler five minutes; answer before that whatever the network does. */
  deadlineMs?: number;
}

const DEFAULT_DEADLINE_MS = 4 * 60_000;

export async function handleSpamReport(
  event: SpamReportEvent,
  dependencies: SpamReportDependencies,
): Promise<SpamReportCompletion> {
  const { host, api } = dependencies;
  const ticked = strings.spamReport.options.filter((_, index) => event.options?.[index] === true);
  const comment = event.freeText?.trim();
  try {
    const report = await withDeadline(dependencies.deadlineMs ?? DEFAULT_DEADLINE_MS, async () => {
      const [item, eml] = await Promise.all([host.getItem(), host.getItemAsEml()]);
      if (!item) throw new Error('no message is open');
      return api.createReport({
        itemId: item.itemId,
        category: categoryFor(event.options),
        eml,
        ...(ticked.length ? { options: ticked } : {}),
        ...(comment ? { comment } : {}),
      });
    });
    return {
      onErrorDeleteItem: true,
      moveItemTo: MOVE_SPAM_ITEM_TO[report.reporterCopy],
      showPostProcessingDialog: {
        title: strings.spamReport.doneTitle,
        description: strings.spamReport.doneDescription,
      },
    };
  } catch (error) {
    return failedCompletion(error);
  }
}

/**
 * The security team never got the report: leave the message where it is so the user can report
 * it again, rather than hide it in Junk where nobody looks.
 */
export function failedCompletion(error: unknown): SpamReportCompletion {
  return {
    onErrorDeleteItem: false,
    moveItemTo: MOVE_SPAM_ITEM_TO.keep,
    showPostProcessingDialog: {
      title: strings.spamReport.failedTitle,
      description: strings.spamReport.failedDescription(describeError(error)),
    },
  };
}

/** Positions in strings.spamReport.options: the three signs of phishing, and junk. */
const PHISHING_OPTIONS = [0, 1, 2];
const JUNK_OPTION = 3;

/** Junk only when the user ticked junk and no sign of phishing; anything else is phishing. */
export function categoryFor(options: boolean[] | undefined): ReportCategory {
  const ticked = (index: number) => options?.[index] === true;
  return ticked(JUNK_OPTION) && !PHISHING_OPTIONS.some(ticked) ? 'junk' : 'phishing';
}

function withDeadline<T>(ms: number, run: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the report took too long')), ms);
    run().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
