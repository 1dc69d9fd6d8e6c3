// The console's words for policies, user-reported settings, and directory onboarding.
// Type-only imports: the strings reach commands.js, which must not pull in the shared schemas.
import type {
  AppFunctionName,
  Capability,
  DomainState,
  NOTICE_PLACEHOLDERS,
  ReporterCopyAction,
  SyncPhase,
} from '@clawback/shared';

/** What each placeholder of a retraction notice becomes in the message a recipient gets. */
const placeholderMeanings: Record<(typeof NOTICE_PLACEHOLDERS)[number], string> = {
  subject: 'the subject of the removed message',
  sender: 'its sender',
  reason: 'why it was removed: the reason given, or the verdict that started it',
  action: 'what was done with it, such as “moved to your Junk Email folder”',
  mailbox: 'the recipient’s mailbox',
};

const functions: Record<AppFunctionName, string> = {
  retraction: 'Authorize mail access',
  directory: 'Authorize directory scanning',
  collection: 'Authorize mail and calendar collection',
};

const authorizedNames: Record<AppFunctionName, string> = {
  retraction: 'Mail access',
  directory: 'Directory scanning',
  collection: 'Mail and calendar collection',
};

export const adminStrings = {
  policies: {
    autoHeading: 'Auto-retraction policy',
    perVerdict: 'Action per verdict',
    whenVerdict: (disposition: string) => `When the verdict is ${disposition}`,
    noAction: 'No automatic action',
    approvalHeading: 'Approval by a second administrator',
    approvalActions: 'These actions always need a second administrator',
    threshold: 'Also when a retraction reaches more than this many mailboxes',
    thresholdHint: 'Counted from the plan: mailboxes holding a copy.',
    expiry: 'A request waits for approval this many hours',
    policyChangesNeedApproval: 'Changes to this policy need a second administrator too',
    armedHeading: 'Late copies',
    armedHours: 'Keep watching for late copies (hours)',
    armedHint: '0 turns watching off.',
    rescanMinutes: 'Search again after (minutes)',
    rescanHint: 'Comma-separated, up to 10, for example 5, 720, 1440.',
    notifyHeading: 'Recipients',
    notifyRecipients: 'Tell recipients when a message is taken out of their mailbox',
    notifyFrom: 'Send those notices from',
    notifyFromHint:
      'A mailbox of your organisation. Once a retraction has completed, each mailbox it took the message from gets one notice; plans and undos send none.',
    noticeSubject: 'Subject of the notice',
    noticeBody: 'Text of the notice',
    noticePlaceholdersIntro: 'Subject and text may use these placeholders:',
    noticePlaceholders: placeholderMeanings,
    save: 'Save policy',
    applied: 'The policy is saved and applies from now on.',
    pendingSaved:
      'Your change waits for a second administrator’s approval; the current policy stays in force until then.',
    pendingTitle: (by: string, when: string) => `A change by ${by} (${when}) waits for approval`,
    pendingOwn: 'You proposed it, so another administrator must approve it.',
    approveChange: 'Approve change',
    lastChanged: (by: string, when: string) => `Last changed by ${by}, ${when}.`,
    fixErrors: 'Some values need fixing; see the marked fields.',
  },

  userReported: {
    heading: 'User-reported settings',
    reporterCopy: 'The reporter’s copy, right after a report',
    reporterCopyActions: {
      keep: 'Leave it where it is',
      junk: 'Move it to Junk Email',
      deletedItems: 'Move it to Deleted Items',
    } satisfies Record<ReporterCopyAction, string>,
    reportingMailbox: 'Reporting mailbox',
    reportingMailboxHint: 'Receives forwarded reports and sends notifications.',
    allowGuests: 'Guests may report too',
    forwardHeading: 'Forward to the reporting mailbox',
    forward: 'Forward each report as an attachment',
    forwardFrom: 'Sent as',
    forwardFromReporter: 'The reporter (as Microsoft Defender expects)',
    forwardFromMailbox: 'The reporting mailbox',
    receiptHeading: 'When a report arrives',
    receipt: 'Thank the reporter by mail',
    verdictHeading: 'When a verdict is set',
    verdict: 'Tell reporters the outcome by mail',
    subject: 'Subject',
    body: 'Text',
    outcome: (disposition: string) => `What {{outcome}} says for ${disposition}`,
    thresholdHeading: 'Many reporters',
    threshold: 'Set a verdict automatically when enough people report the same message',
    thresholdReporters: 'Distinct reporters',
    thresholdVerdict: 'Verdict to set',
    save: 'Save settings',
  },

  directory: {
    consentReturned: (fn: AppFunctionName, granted: boolean) =>
      granted
        ? `${authorizedNames[fn]} is authorized. You can close this tab and return to the console.`
        : `${authorizedNames[fn]} was not authorized: the consent was refused or cancelled. Try again as a Privileged Role Administrator or Global Administrator.`,
    onboardingHeading: 'Onboard a domain',
    domainLabel: 'Domain to onboard',
    domainHint: 'A domain verified in your tenant, such as contoso.com.',
    domainState: (state: string) => `Now: ${state}`,
    stepTitle: (n: number, title: string) => `${n}. ${title}`,
    functions,
    functionHints: {
      retraction: 'Lets Clawback find and move messages in mailboxes (Mail.ReadWrite and directory reads).',
      directory:
        'Lets Clawback read users, groups, memberships and roles (needs both directory-integration roles).',
      collection: 'Lets Clawback read the mail and calendars of monitored people.',
    } satisfies Record<AppFunctionName, string>,
    authorize: 'Authorize access',
    authorizeNamed: (fn: string) => `${fn}: authorize access`,
    waitingForConsent: 'Waiting for the consent in the other window… this page updates by itself.',
    needsRole: {
      editPolicies: 'Needs a Privileged Role Administrator or Global Administrator.',
      publishDomains:
        'Needs the Privileged Role Administrator and Privileged Authentication Administrator roles together, or Global Administrator.',
    } as Partial<Record<Capability, string>>,
    authorizationStates: {
      notAuthorized: 'Not authorized',
      authorized: 'Authorized',
      missingPermissions: 'Permissions missing',
    },
    publishStep: 'Publish the domain',
    publishHint: 'Publishing protects the domain’s mailboxes and starts a directory sync.',
    publishNeedsBoth: 'Authorize mail access and directory scanning first.',
    publishDomain: 'Publish domain',
    published: 'Published',
    notPublished: 'Not published',
    publishedNote: (domain: string) =>
      `${domain} is published. The directory sync has started; its progress is below.`,
    authorizationsHeading: 'Authorizations',
    function: 'Function',
    state: 'State',
    consented: 'Consented by',
    missing: 'Missing',
    missingPermission: (permission: string, impact: string) => `${permission}: ${impact}`,
    actions: 'Actions',
    lastError: (error: string, when: string) => `Last error (${when}): ${error}`,
    syncHeading: 'Directory sync',
    syncState: 'State',
    syncStates: { neverSynced: 'Never synced', syncing: 'Syncing', synced: 'Synced', failed: 'Failed' },
    organization: 'Organization',
    lastSynced: 'Last synced',
    schedule: 'Schedule',
    noSchedule: 'Only when asked',
    syncNow: 'Sync now',
    syncing: 'Syncing…',
    phases: {
      domains: 'Domains',
      users: 'Users',
      groups: 'Groups',
      memberships: 'Memberships',
      roles: 'Roles',
    } satisfies Record<SyncPhase, string>,
    phaseStates: { idle: 'Idle', running: 'Running', completed: 'Done', failed: 'Failed' },
    phaseCount: (processed: string, expected: string | null) =>
      expected === null ? `${processed} read` : `${processed} of ${expected}`,
    stored: (n: string) => `${n} held`,
    eta: (left: string) => `about ${left} left`,
    domainsHeading: 'Domains',
    noDomains: 'No domains known yet. Publish one above or sync the directory.',
    domain: 'Domain',
    counts: 'Users · mailboxes · groups',
    domainCounts: (users: string, mailboxes: string, groups: string) => `${users} · ${mailboxes} · ${groups}`,
    publishedBy: 'Published by',
    default: 'default',
    unverified: 'not verified',
    domainStates: {
      discovered: 'Discovered',
      authorized: 'Authorized',
      published: 'Published',
      syncing: 'Syncing',
      synced: 'Synced',
    } satisfies Record<DomainState, string>,
    publish: 'Publish',
    unpublish: 'Unpublish',
    publishNamed: (domain: string) => `Publish ${domain}`,
    unpublishNamed: (domain: string) => `Unpublish ${domain}`,
  },
};
