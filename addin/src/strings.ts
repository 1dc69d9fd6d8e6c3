// Every word the add-in and the admin tab show, in one place so they can be translated. Functions
// are for texts with values in them; keep sentences whole so a translator sees them whole.
import type {
  Disposition,
  ReportCategory,
  RetractionAction,
  RetractionStatus,
  TriageStatus,
} from '@clawback/shared';
import { consoleStrings } from './console/strings.js';

const APP_NAME = 'Clawback';

const categoryNames: Record<ReportCategory, string> = {
  phishing: 'Phishing',
  junk: 'Junk',
  notJunk: 'Not junk',
};

const actionNames: Record<RetractionAction, string> = {
  moveToJunk: 'Move to Junk Email',
  moveToDeletedItems: 'Move to Deleted Items',
  softDelete: 'Soft delete',
  hardDelete: 'Hard delete',
  moveToInbox: 'Move to Inbox (release)',
};

/** Who can still get the mail back after each action, in plain words. */
const actionRecovery: Record<RetractionAction, string> = {
  moveToJunk:
    'Each recipient can still open it from their Junk Email folder and move it back. You can undo this.',
  moveToDeletedItems:
    'Each recipient can still open it from Deleted Items until that folder is emptied. You can undo this.',
  softDelete:
    'Recipients no longer see it in any folder, but can restore it with "Recover deleted items" for a while. You can undo this.',
  hardDelete:
    'Recipients cannot get it back. Only an Exchange administrator can recover it, for a limited time. There is no undo.',
  moveToInbox:
    'Puts the message back in each Inbox, for a report that turned out to be safe. You can undo this.',
};

const statusNames: Record<RetractionStatus, string> = {
  planning: 'Finding every copy',
  awaitingApproval: 'Waiting for a second administrator to approve',
  running: 'Retracting',
  completed: 'Done',
  completedWithErrors: 'Done, with some failures',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** What became of a report, in the reporter's words. */
const triageNames: Record<TriageStatus, string> = {
  new: 'Received',
  inReview: 'Being reviewed',
  resolved: 'Reviewed',
};

const dispositionNames: Record<Disposition, string> = {
  MALICIOUS: 'Malicious',
  SUSPICIOUS: 'Suspicious',
  SPOOF: 'Spoofed sender',
  SPAM: 'Spam',
  BULK: 'Bulk mail',
  CLEAN: 'Safe',
};

export const strings = {
  appName: APP_NAME,
  categoryNames,
  actionNames,
  actionRecovery,
  statusNames,
  triageNames,
  dispositionNames,

  common: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    close: 'Close',
    signOut: 'Sign out',
    notAvailableYet: 'Not available on this server yet.',
    unknownSender: 'Unknown sender',
    noSubject: '(no subject)',
  },

  errors: {
    network: 'Clawback could not be reached. Check your connection and try again.',
    signInRequired: 'Please sign in again, then try once more.',
    consentRequired:
      'Your organisation has to approve Clawback before you can use it. Ask your administrator.',
    roleRequired: 'Your account does not have the role this needs.',
    rateLimited: 'Too many requests just now. Wait a moment and try again.',
    unexpected: 'Something went wrong.',
    noHost: 'This page runs inside Outlook. Open it from the Clawback button in Outlook.',
    openHarness: 'Open the local Outlook harness',
  },

  message: {
    heading: 'Open message',
    from: (name: string, address: string) => (name && name !== address ? `${name} <${address}>` : address),
    received: (when: string) => `Received ${when}`,
    noItem: 'Select a message to report it.',
  },

  report: {
    heading: 'Report this message',
    categoryLabel: 'What is wrong with it?',
    categoryHints: {
      phishing: 'It tries to steal a password, money or data.',
      junk: 'Unwanted advertising or bulk mail.',
      notJunk: 'It is safe and should not have been filtered.',
    } satisfies Record<ReportCategory, string>,
    commentLabel: 'Anything the security team should know? (optional)',
    submit: 'Report',
    submitting: 'Reporting…',
    done: (category: ReportCategory) =>
      `Thanks. Your ${categoryNames[category].toLowerCase()} report reached the security team.`,
    another: 'Report again',
  },

  recent: {
    heading: 'Your recent reports',
    empty: 'You have not reported anything yet.',
    unavailable: 'Your report history is not available on this server yet.',
    verdict: (disposition: Disposition) => `Verdict: ${dispositionNames[disposition]}`,
  },

  admin: {
    heading: 'Retract this message',
    actionLabel: 'What should happen to every copy?',
    reasonLabel: 'Reason (kept in the audit log)',
    retract: 'Retract…',
    confirmTitle: (action: RetractionAction) => `${actionNames[action]} every copy?`,
    confirmBody: (subject: string) => `Every copy of "${subject}" in the organisation will be affected.`,
    confirmReach: (mailboxes: number, copies: number) =>
      `The last search found ${copies} ${copies === 1 ? 'copy' : 'copies'} in ${mailboxes} ${mailboxes === 1 ? 'mailbox' : 'mailboxes'}.`,
    noUndoWarning: 'This cannot be undone.',
    confirm: 'Retract now',
    starting: 'Starting…',
    unavailable: 'Retraction is not available on this server yet.',
    consoleLink: 'Open the admin console',
    retractionConsoleLink: 'Open this retraction in the admin console',
    trackedHeading: 'Retraction of this message',
    trackedAction: (action: RetractionAction, by: string) => `${actionNames[action]}, requested by ${by}`,
    someAdmin: 'an administrator',
    checkingEarlier: 'Checking for a retraction of this message under way…',
    earlierUnavailable: 'Earlier retractions of this message could not be checked.',
    newRetractionHeading: 'Retract it again',
  },

  /** The blast radius: a dry run of the retraction, before anything is touched. */
  blastRadius: {
    heading: 'Where it landed',
    planning: 'Finding every copy of this message…',
    mailboxes: 'Mailboxes with a copy',
    mailboxesValue: (withCopies: number, searched: number) => `${withCopies} of ${searched} searched`,
    copies: 'Copies',
    readState: 'Opened',
    readValue: (read: number, unread: number) => `${read} read · ${unread} unread`,
    skipped: 'Mailboxes not searched',
    byFolder: 'Copies by folder',
    folderShare: (folder: string) => `Share of copies in ${folder}`,
    folderCount: (count: number) => `${count}`,
    unknownFolder: 'Another folder',
    none: (searched: number) =>
      searched === 0
        ? 'No mailbox to search: no one has reported this message and its recipients are not known yet.'
        : `No copy of this message is left in the ${searched} ${searched === 1 ? 'mailbox' : 'mailboxes'} searched.`,
    failed: 'The search for copies failed.',
    retry: 'Search again',
  },

  approval: {
    title: 'Waiting for a second administrator',
    requestedBy: (by: string) => `${by} asked for this retraction.`,
    reasons: 'Why it needs approval',
    expires: (when: string) => `The request expires ${when}; after that it has to be made again.`,
    expired: 'The approval window has passed: request the retraction again.',
    whoApproves:
      'Another Privileged Role Administrator or Global Administrator has to approve it, from this pane or the admin console.',
    ownRequest:
      'You asked for it, so another Privileged Role Administrator or Global Administrator has to approve it. Send them the console link.',
    youMayApprove: 'You may approve it: it runs as soon as you do.',
    approve: 'Approve and run',
    approving: 'Approving…',
    approvedBy: (by: string) => `Approved by ${by}.`,
  },

  failures: {
    heading: 'Mailboxes not retracted, by reason',
    loading: 'Loading the reasons…',
    failedLabel: 'Failed',
    skippedLabel: 'Skipped',
    count: (count: number) => `${count} ${count === 1 ? 'mailbox' : 'mailboxes'}`,
    more: (count: number) => `and ${count} more`,
    sampled: (shown: number) => `Reasons of the first ${shown} mailboxes of each kind.`,
    reasons: {
      notPublished: 'Its domain is not published to Clawback',
      noMailbox: 'No mailbox Clawback can reach',
      outOfScope: "Outside the Exchange access policy of Clawback's app",
      cancelled: 'Cancelled before it was reached',
      approvalExpired: 'Not approved in time',
      failed: 'Failed',
    } as Record<string, string>,
    /** Reasons that are a Graph status (and code), by status. */
    statusReasons: {
      400: 'Exchange refused the request',
      403: 'Exchange denied access',
      404: 'Exchange could not find the copy',
      409: 'The copy changed while it was being moved',
      429: 'Exchange throttled the requests',
      500: 'Exchange had an error',
      503: 'Exchange was unavailable',
      504: 'Exchange did not answer in time',
    } as Record<number, string>,
    unknownReason: 'No reason given',
  },

  undo: {
    button: 'Undo',
    title: 'Move every copy back?',
    body: (action: RetractionAction) =>
      `Every copy this retraction moved (${actionNames[action].toLowerCase()}) goes back to the folder it came from.`,
    confirm: 'Move them back',
    starting: 'Starting the undo…',
    progressLabel: 'Undo progress',
    none: 'A hard delete has no undo.',
  },

  progress: {
    label: 'Retraction progress',
    counts: (done: number, total: number) => `${done} of ${total} mailboxes`,
    breakdown: (c: {
      done: number;
      alreadyInTarget: number;
      notFound: number;
      failed: number;
      skipped: number;
    }) =>
      `${c.done} retracted · ${c.alreadyInTarget} already there · ${c.notFound} already gone · ${c.failed} failed · ${c.skipped} skipped`,
    eta: (seconds: number) =>
      seconds < 60
        ? `About ${Math.max(1, Math.round(seconds))} s left`
        : `About ${Math.round(seconds / 60)} min left`,
    etaUnknown: 'Estimating time left…',
    connectionLost: 'Live progress stopped. The retraction goes on; refresh to see where it is.',
  },

  commands: {
    reported: (category: ReportCategory) =>
      `${APP_NAME}: reported as ${categoryNames[category].toLowerCase()}. Thank you.`,
    failed: (reason: string) => `${APP_NAME}: the report did not go through. ${reason}`,
    noItem: `${APP_NAME}: open a message first.`,
  },

  spamReport: {
    /**
     * The manifest's ReportingOptions, in its order (manifest/src/strings.ts): Outlook passes the
     * handler one boolean per option, by position.
     */
    options: [
      'It asks for a password, payment or personal details',
      'It has a suspicious link or attachment',
      'It pretends to be a colleague or a company I know',
      'It is unwanted advertising or bulk mail',
      'Something else (please describe below)',
    ],
    doneTitle: 'Thanks for reporting',
    doneDescription: 'The security team has your report and will look at it.',
    failedTitle: 'Your report did not go through',
    failedDescription: (reason: string) =>
      `${reason} The message was left where it is: please report it again in a few minutes.`,
  },

  signIn: {
    heading: 'Sign in as a demo user',
    description: 'Sandbox mode: pick someone from the demo tenant. Their roles decide what you can do.',
    label: 'Demo user',
    button: 'Sign in',
    rolesNone: 'no admin role',
  },

  harness: {
    title: 'Clawback — local Outlook harness',
    intro:
      'Pick a demo user and one of their messages; the task pane and the ribbon commands run against the sandbox.',
    mailboxHeading: (upn: string) => `Mailbox of ${upn}`,
    folderNames: { inbox: 'Inbox', junkemail: 'Junk Email' } as Record<string, string>,
    noMessages: 'This mailbox has no messages in Inbox or Junk Email.',
    pickMessage: 'Pick a message to open it in the task pane.',
    ribbonHeading: 'Ribbon',
    reportMenu: {
      phishing: 'Report phishing',
      junk: 'Report junk',
      notJunk: 'Report not junk',
    } satisfies Record<ReportCategory, string>,
    spamButton: 'Report (Outlook button)',
    spamDialogTitle: 'Report this message',
    spamFreeText: 'Tell us more (optional)',
    spamSend: 'Report',
    notificationLabel: 'Notification bar',
    lastResult: 'Last handler result',
    moveNote: (folder: string) => `Outlook would now move the message: ${folder}.`,
    theme: 'Theme',
    themes: { light: 'Light', dark: 'Dark', highContrast: 'High contrast' },
  },

  /** The admin console's words live beside its pages. */
  console: consoleStrings,
} as const;

export type Strings = typeof strings;
