// Graph users and groups → what the directory stores. Delta rounds may send only the properties that
// changed, so facts are merged over the stored row before the derived columns (addresses, mailbox
// kind, domain) are computed.
//
// Mailbox kind. Graph does not say which users are shared mailboxes: the Exchange recipient type is
// not a user property (mailboxSettings.userPurpose is, but costs one call per user and another
// permission). The rule used here is the usual sign:
//   - guests, and users without any SMTP address: 'none';
//   - a disabled member account that has an address but no licence: 'shared';
//   - any other member with an address: 'user' (a disabled but licensed account keeps its mailbox).
// Limits: room and equipment mailboxes, and a former employee's unlicensed mailbox kept after the
// account was disabled, also come out 'shared'; an enabled "mail user" (an address, no mailbox)
// comes out 'user'. Both are harmless for Clawback: a search in a mailbox that does not exist
// answers 404 and is recorded as such.

export type MailboxKind = 'user' | 'shared' | 'none';
export type GroupKind = 'distributionList' | 'security' | 'mailEnabledSecurity' | 'microsoft365';

export interface GraphUser {
  id: string;
  userPrincipalName?: string | null;
  displayName?: string | null;
  mail?: string | null;
  proxyAddresses?: string[] | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  assignedLicenses?: unknown[] | null;
  '@removed'?: { reason?: string };
}

export interface GraphGroup {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  mailEnabled?: boolean | null;
  securityEnabled?: boolean | null;
  groupTypes?: string[] | null;
  proxyAddresses?: string[] | null;
  'members@delta'?: GraphMemberRef[];
  '@removed'?: { reason?: string };
}

export interface GraphMemberRef {
  id: string;
  '@odata.type'?: string;
  '@removed'?: { reason?: string };
}

export const USER_SELECT =
  'id,userPrincipalName,displayName,mail,proxyAddresses,accountEnabled,userType,assignedLicenses';
export const GROUP_SELECT = 'id,displayName,mail,mailEnabled,securityEnabled,groupTypes,proxyAddresses';

export interface UserRow {
  id: string;
  upn: string;
  upnLower: string;
  displayName: string | null;
  mail: string | null;
  addresses: string[];
  accountEnabled: boolean;
  isGuest: boolean;
  licensed: boolean;
  mailboxKind: MailboxKind;
  domain: string;
}

export interface GroupRow {
  id: string;
  displayName: string | null;
  mail: string | null;
  kind: GroupKind;
  addresses: string[];
  domain: string | null;
}

/** Every SMTP address of an object, lower-cased, primary (mail) first. */
export function smtpAddresses(mail: string | null | undefined, proxyAddresses: readonly string[]): string[] {
  const all = [
    ...(mail ? [mail] : []),
    ...proxyAddresses.filter((entry) => /^smtp:/i.test(entry)).map((entry) => entry.slice(5)),
  ];
  return [...new Set(all.map((address) => address.trim().toLowerCase()).filter(Boolean))];
}

export function domainOf(address: string | null | undefined): string | null {
  const at = address?.lastIndexOf('@') ?? -1;
  return at > 0 ? address!.slice(at + 1).toLowerCase() : null;
}

export function mailboxKindOf(user: Pick<UserRow, 'isGuest' | 'addresses' | 'accountEnabled' | 'licensed'>) {
  if (user.isGuest || user.addresses.length === 0) return 'none';
  if (!user.accountEnabled && !user.licensed) return 'shared';
  return 'user';
}

/** The user's row: Graph's facts where sent, the stored row's otherwise. */
export function userRow(user: GraphUser, stored: UserRow | null): UserRow {
  const upn = user.userPrincipalName ?? stored?.upn ?? user.id;
  const mail = user.mail !== undefined ? user.mail : (stored?.mail ?? null);
  const addresses =
    user.proxyAddresses !== undefined || user.mail !== undefined || !stored
      ? smtpAddresses(mail, user.proxyAddresses ?? [])
      : stored.addresses;
  const facts = {
    isGuest: user.userType !== undefined ? user.userType === 'Guest' : (stored?.isGuest ?? false),
    accountEnabled: user.accountEnabled ?? stored?.accountEnabled ?? true,
    licensed:
      user.assignedLicenses !== undefined
        ? (user.assignedLicenses?.length ?? 0) > 0
        : (stored?.licensed ?? false),
    addresses,
  };
  return {
    id: user.id.toLowerCase(),
    upn,
    upnLower: upn.toLowerCase(),
    displayName: user.displayName !== undefined ? user.displayName : (stored?.displayName ?? null),
    mail,
    ...facts,
    mailboxKind: mailboxKindOf(facts),
    domain: domainOf(mail) ?? domainOf(upn) ?? '',
  };
}

/** Group kinds as Entra flags them (GRAPH.md, groups overview). */
export function groupKindOf(group: Pick<GraphGroup, 'groupTypes' | 'mailEnabled' | 'securityEnabled'>) {
  if (group.groupTypes?.includes('Unified')) return 'microsoft365';
  if (group.mailEnabled) return group.securityEnabled ? 'mailEnabledSecurity' : 'distributionList';
  return 'security';
}

export function groupRow(group: GraphGroup, stored: GroupRow | null): GroupRow {
  const mail = group.mail !== undefined ? group.mail : (stored?.mail ?? null);
  const flagsSent =
    group.groupTypes !== undefined && group.mailEnabled !== undefined && group.securityEnabled !== undefined;
  return {
    id: group.id.toLowerCase(),
    displayName: group.displayName !== undefined ? group.displayName : (stored?.displayName ?? null),
    mail,
    kind: flagsSent || !stored ? groupKindOf(group) : stored.kind,
    addresses:
      group.proxyAddresses !== undefined || group.mail !== undefined || !stored
        ? smtpAddresses(mail, group.proxyAddresses ?? [])
        : stored.addresses,
    domain: domainOf(mail),
  };
}

/** Whether Graph sent the whole object (no stored row needed to complete it). */
export function isCompleteUser(user: GraphUser): boolean {
  return USER_SELECT.split(',').every((name) => name in user);
}

export function isCompleteGroup(group: GraphGroup): boolean {
  return GROUP_SELECT.split(',').every((name) => name in group);
}

export function memberTypeOf(ref: GraphMemberRef): 'user' | 'group' | 'other' {
  const type = ref['@odata.type']?.toLowerCase();
  if (type === '#microsoft.graph.user') return 'user';
  if (type === '#microsoft.graph.group') return 'group';
  return 'other';
}
