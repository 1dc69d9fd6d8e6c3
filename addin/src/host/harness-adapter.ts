// The local Outlook host of the harness page (sandbox builds only): the "open message" is a message
// of a demo mailbox, its EML comes from the sandbox, and notifications go to the harness's own
// notification bar. Implements the same MailHost as the Office adapter.
import type { HarnessApi, HarnessMessage } from '../sandbox/harness-api.js';
import type { HostTheme, MailHost, NotificationKind } from './mail-host.js';

export interface HarnessNotification {
  message: string;
  kind: NotificationKind;
}

export interface HarnessHostOptions {
  api: Pick<HarnessApi, 'mime'>;
  upn: string;
  message: HarnessMessage | null;
  onNotify: (notification: HarnessNotification) => void;
  theme?: HostTheme | null;
}

export function createHarnessMailHost(options: HarnessHostOptions): MailHost {
  const { message } = options;
  return {
    kind: 'harness',
    async getItem() {
      if (!message) return null;
      return {
        itemId: message.id,
        internetMessageId: message.internetMessageId,
        subject: message.subject,
        from: message.from,
        receivedDateTime: message.receivedDateTime || null,
      };
    },
    async getItemAsEml() {
      if (!message) throw new Error('no message is open in the harness');
      return options.api.mime(options.upn, message.id);
    },
    async notify(text, kind = 'info') {
      options.onNotify({ message: text, kind });
    },
    onItemChanged() {
      // The harness mounts a fresh task pane for each message it opens.
      return () => undefined;
    },
    theme: () => options.theme ?? null,
  };
}
