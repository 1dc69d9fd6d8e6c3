// The ribbon's Report phishing / junk / not junk function commands: report the open message in
// one click and confirm in the item's notification bar. No React, no DOM: the same code runs in
// Outlook's runtimes and in the harness.
import type { ReportCategory } from '@clawback/shared';
import type { ApiClient } from '../api/client.js';
import { describeError } from '../api/describe-error.js';
import type { MailHost, NotificationKind } from '../host/mail-host.js';
import { strings } from '../strings.js';

export interface CommandDependencies {
  host: MailHost;
  api: Pick<ApiClient, 'createReport'>;
}

export interface CommandOutcome {
  ok: boolean;
  /** The text shown in the notification bar. */
  message: string;
}

export const REPORT_COMMANDS = {
  reportPhishing: 'phishing',
  reportJunk: 'junk',
  reportNotJunk: 'notJunk',
} as const satisfies Record<string, ReportCategory>;

export async function reportOpenMessage(
  category: ReportCategory,
  { host, api }: CommandDependencies,
): Promise<CommandOutcome> {
  let outcome: CommandOutcome;
  try {
    const item = await host.getItem();
    if (!item) {
      outcome = { ok: false, message: strings.commands.noItem };
    } else {
      await api.createReport({ itemId: item.itemId, category });
      outcome = { ok: true, message: strings.commands.reported(category) };
    }
  } catch (error) {
    outcome = { ok: false, message: strings.commands.failed(describeError(error)) };
  }
  const kind: NotificationKind = outcome.ok ? 'info' : 'error';
  // A notification that cannot be shown must not keep the command from completing.
  await host.notify(outcome.message, kind).catch(() => undefined);
  return outcome;
}
