/// <reference types="office-js" />
// The real Outlook host: the only module (with auth/) that touches Office.js. Every call returns a
// promise, checks asyncResult.status, and is guarded by the requirement set that introduced it.
import {
  HostError,
  HostUnsupportedError,
  type HostTheme,
  type MailHost,
  type NotificationKind,
} from './mail-host.js';

type OfficeApi = typeof Office;

export interface OfficeHostOptions {
  /** The manifest's 16 px icon resource id (Icon.16): informational notifications must name one. */
  notificationIcon?: string;
  /** Whether the platform is in forced-colours (high contrast) mode. */
  forcedColors?: () => boolean;
}

/** The notification bar keeps one Clawback message per item and replaces it. */
const NOTIFICATION_KEY = 'clawback';
/** Outlook refuses notification texts over 150 characters. */
const NOTIFICATION_MAX = 150;
/** Outlook on mobile already gives REST ids; everywhere else item ids are EWS ids. */
const REST_ID_HOSTS = new Set(['OutlookIOS', 'OutlookAndroid']);

export function createOfficeMailHost(office: OfficeApi, options: OfficeHostOptions = {}): MailHost {
  const mailbox = () => office.context.mailbox;
  const supports = (version: string) => office.context.requirements.isSetSupported('Mailbox', version);
  const requireSet = (operation: string, version: string) => {
    if (!supports(version)) throw new HostUnsupportedError(operation, `Mailbox ${version}`);
  };
  const readItem = (operation: string): Office.MessageRead => {
    const item = mailbox().item as Office.MessageRead | null | undefined;
    if (!item) throw new HostError(operation, null, 'no message is selected');
    return item;
  };

  /** Office's callback style as a promise that rejects on a failed asyncResult. */
  function call<T>(
    operation: string,
    invoke: (callback: (result: Office.AsyncResult<T>) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      try {
        invoke((result) => {
          if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
          else
            reject(new HostError(operation, result.error?.code ?? null, result.error?.message ?? 'failed'));
        });
      } catch (error) {
        reject(new HostError(operation, null, error instanceof Error ? error.message : String(error)));
      }
    });
  }

  function restId(ewsOrRestId: string): string {
    if (REST_ID_HOSTS.has(mailbox().diagnostics?.hostName ?? '')) return ewsOrRestId;
    requireSet('convertToRestId', '1.3');
    return mailbox().convertToRestId(ewsOrRestId, office.MailboxEnums.RestVersion.v2_0);
  }

  return {
    kind: 'office',

    async getItem() {
      const item = mailbox().item as Office.MessageRead | null | undefined;
      // Compose forms have no item id until saved: nothing to report there.
      if (!item?.itemId) return null;
      return {
        itemId: restId(item.itemId),
        internetMessageId: item.internetMessageId ?? '',
        subject: item.subject ?? '',
        from: { name: item.from?.displayName ?? '', address: item.from?.emailAddress ?? '' },
        receivedDateTime: item.dateTimeCreated ? new Date(item.dateTimeCreated).toISOString() : null,
      };
    },

    async getItemAsEml() {
      requireSet('getAsFileAsync', '1.14');
      const item = readItem('getAsFileAsync');
      return call<string>('getAsFileAsync', (callback) => item.getAsFileAsync(callback));
    },

    async notify(message: string, kind: NotificationKind = 'info') {
      requireSet('notificationMessages', '1.3');
      const item = readItem('notificationMessages');
      const text = message.length > NOTIFICATION_MAX ? `${message.slice(0, NOTIFICATION_MAX - 1)}…` : message;
      const types = office.MailboxEnums.ItemNotificationMessageType;
      const details: Office.NotificationMessageDetails =
        kind === 'error'
          ? { type: types.ErrorMessage, message: text }
          : {
              type: types.InformationalMessage,
              message: text,
              icon: options.notificationIcon ?? 'Icon.16',
              persistent: false,
            };
      await call<void>('notificationMessages.replaceAsync', (callback) =>
        item.notificationMessages.replaceAsync(NOTIFICATION_KEY, details, callback),
      );
    },

    onItemChanged(handler) {
      // A pinned task pane stays open while the user moves between messages (Mailbox 1.5).
      if (!supports('1.5')) return () => undefined;
      const listener = () => handler();
      let added = false;
      void call<void>('addHandlerAsync', (callback) =>
        mailbox().addHandlerAsync(office.EventType.ItemChanged, listener, callback),
      ).then(
        () => (added = true),
        () => undefined,
      );
      return () => {
        if (!added) return;
        void call<void>('removeHandlerAsync', (callback) =>
          mailbox().removeHandlerAsync(office.EventType.ItemChanged, callback),
        ).catch(() => undefined);
      };
    },

    theme(): HostTheme | null {
      let officeTheme: Office.OfficeTheme | undefined;
      try {
        officeTheme = office.context.officeTheme;
      } catch {
        // Some Outlook builds throw instead of leaving officeTheme undefined.
      }
      const isHighContrast = options.forcedColors?.() ?? false;
      if (!officeTheme?.bodyBackgroundColor)
        return isHighContrast ? { bodyBackgroundColor: '', isHighContrast } : null;
      return { bodyBackgroundColor: officeTheme.bodyBackgroundColor, isHighContrast };
    },
  };
}

/** Waits for Office.js to initialise, or answers null when the page is not inside Office. */
export function officeReady(office: OfficeApi | undefined, timeoutMs = 10_000): Promise<OfficeApi | null> {
  if (!office?.onReady) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    void office.onReady((info) => {
      clearTimeout(timer);
      resolve(info.host ? office : null);
    });
  });
}
