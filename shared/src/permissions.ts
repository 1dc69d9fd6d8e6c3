// The application permissions each Clawback function needs (seed 001's least-privilege tables, plus
// Calendars.Read for collection), and what stops working without each.

export interface FeaturePermissions {
  feature: 'directory' | 'retraction' | 'collection' | 'reporting';
  title: string;
  permissions: { permission: string; impact: string; alternatives?: string[] }[];
}

export const FEATURE_PERMISSIONS: FeaturePermissions[] = [
  {
    feature: 'directory',
    title: 'Directory integration',
    permissions: [
      {
        permission: 'User.Read.All',
        impact: 'users, shared mailboxes and aliases are not synced',
        alternatives: ['Directory.Read.All'],
      },
      {
        permission: 'Group.Read.All',
        impact: 'distribution lists and groups are not synced',
        alternatives: ['Directory.Read.All'],
      },
      { permission: 'Directory.Read.All', impact: 'directory roles and domains are not synced' },
      {
        permission: 'GroupMember.Read.All',
        impact: 'group memberships cannot be expanded',
        alternatives: ['Group.Read.All', 'Directory.Read.All'],
      },
    ],
  },
  {
    feature: 'retraction',
    title: 'Retraction',
    permissions: [
      { permission: 'Mail.ReadWrite', impact: 'messages cannot be searched, moved or deleted in mailboxes' },
      {
        permission: 'Group.Read.All',
        impact: 'distribution lists in the recipients cannot be expanded',
        alternatives: ['Directory.Read.All'],
      },
      {
        permission: 'User.Read.All',
        impact: 'recipients cannot be resolved to mailboxes',
        alternatives: ['Directory.Read.All'],
      },
      {
        permission: 'Domain.Read.All',
        impact: 'published domains cannot be checked',
        alternatives: ['Directory.Read.All'],
      },
      {
        permission: 'GroupMember.Read.All',
        impact: 'nested group members are missed',
        alternatives: ['Group.Read.All', 'Directory.Read.All'],
      },
      {
        permission: 'Organization.Read.All',
        impact: 'the tenant profile cannot be read',
        alternatives: ['Directory.Read.All'],
      },
    ],
  },
  {
    feature: 'collection',
    title: 'Mail and calendar collection',
    permissions: [
      {
        permission: 'Mail.Read',
        impact: 'mail of monitored people is not collected',
        alternatives: ['Mail.ReadWrite'],
      },
      {
        permission: 'User.Read.All',
        impact: 'monitored people cannot be resolved',
        alternatives: ['Directory.Read.All'],
      },
      {
        permission: 'Calendars.Read',
        impact: 'calendar items are not collected',
        alternatives: ['Calendars.ReadWrite'],
      },
    ],
  },
  {
    feature: 'reporting',
    title: 'User reporting',
    permissions: [
      { permission: 'Mail.ReadWrite', impact: 'reported messages cannot be read or moved for the reporter' },
      {
        permission: 'Mail.Send',
        impact: 'reports cannot be forwarded to the reporting mailbox and reporters are not notified',
      },
    ],
  },
];

/** For each feature, the permissions not covered by what is granted (alternatives count). */
export function missingPermissions(granted: readonly string[]) {
  const have = new Set(granted);
  return FEATURE_PERMISSIONS.map((feature) => {
    const missing = feature.permissions.filter(
      (p) => !have.has(p.permission) && !(p.alternatives ?? []).some((a) => have.has(a)),
    );
    return {
      feature: feature.feature,
      title: feature.title,
      required: feature.permissions.map((p) => p.permission),
      missing: missing.map(({ permission, impact }) => ({ permission, impact })),
      ready: missing.length === 0,
    };
  });
}
