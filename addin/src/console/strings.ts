// Every word of the admin console (strings.console in ../strings.ts), split by area: kept whole per
// sentence so a translator sees them whole; functions for texts with values in them.
import type { TriageStatus } from '@clawback/shared';
import { adminStrings } from './strings/admin.js';
import { recordStrings } from './strings/records.js';
import { triageStrings } from './strings/triage.js';

export const consoleStrings = {
  title: 'Clawback admin console',
  nav: {
    overview: 'Overview',
    reports: 'Reports',
    search: 'Search and retract',
    retractions: 'Retractions',
    policies: 'Policies',
    directory: 'Directory',
    collections: 'Collections',
    audit: 'Audit',
    health: 'Health',
  },
  navLabel: 'Console sections',
  skipToContent: 'Skip to content',
  signedInAs: (name: string) => `Signed in as ${name}`,
  noRoles: 'No Clawback admin role',
  noAccess:
    'Your account has no security or administrator role, so there is nothing for you here. Ask an administrator for the Security Reader role to read reports.',
  detectingHost: 'Connecting…',

  tabConfig: {
    tabName: 'Clawback',
    heading: 'Add the Clawback console to this channel',
    body: 'The tab shows the Clawback admin console. Everyone signs in as themselves and sees what their roles allow. Select Save to add it.',
    unsupported: 'This Teams client cannot configure tabs here.',
  },

  common: {
    any: 'Any',
    loadMore: 'Load more',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    refresh: 'Refresh',
  },

  triageStates: { new: 'New', inReview: 'In review', resolved: 'Resolved' } satisfies Record<
    TriageStatus,
    string
  >,

  folders: {
    inbox: 'Inbox',
    junkemail: 'Junk Email',
    deleteditems: 'Deleted Items',
    recoverableitemsdeletions: 'Recoverable Items (deletions)',
    recoverableitemspurges: 'Recoverable Items (purges)',
    sentitems: 'Sent Items',
    drafts: 'Drafts',
    archive: 'Archive',
  } as Record<string, string>,
  ...triageStrings,
  ...adminStrings,
  ...recordStrings,
};
