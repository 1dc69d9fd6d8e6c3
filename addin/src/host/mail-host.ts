// What the add-in needs from its mail host, whoever the host is: Outlook through Office.js
// (office-adapter.ts) or the local harness (harness-adapter.ts). Components and commands receive a
// MailHost and never touch Office.js themselves, so they render and run without a host.

/** The message the user has open, as the API needs it to find the message. */
export interface MailItem {
  /** REST (Graph) id of the item in the user's mailbox, never the EWS id. */
  itemId: string;
  internetMessageId: string;
  subject: string;
  from: { name: string; address: string };
  receivedDateTime: string | null;
}

export type NotificationKind = 'info' | 'error';

/** The host's colours, when it tells them: the add-in follows light, dark and high contrast. */
export interface HostTheme {
  bodyBackgroundColor: string;
  isHighContrast: boolean;
}

export interface MailHost {
  readonly kind: 'office' | 'harness';
  /** The selected or open message; null when none is (a pinned pane between selections). */
  getItem(): Promise<MailItem | null>;
  /** The open message as base64 EML (Office's getAsFileAsync). */
  getItemAsEml(): Promise<string>;
  /** Shows a short text in the item's notification bar. */
  notify(message: string, kind?: NotificationKind): Promise<void>;
  /** Calls back when the user selects another message; returns an unsubscribe. */
  onItemChanged(handler: () => void): () => void;
  theme(): HostTheme | null;
}

/** A host call that failed, with the host's own code and message. */
export class HostError extends Error {
  constructor(
    readonly operation: string,
    readonly hostCode: string | number | null,
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'HostError';
  }
}

/** A host API the running Outlook does not offer (its requirement set is missing). */
export class HostUnsupportedError extends HostError {
  constructor(operation: string, requirement: string) {
    super(operation, null, `needs ${requirement}, which this Outlook does not support`);
    this.name = 'HostUnsupportedError';
  }
}
