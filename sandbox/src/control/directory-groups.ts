// Groups, domains and directory-role membership through the control plane. Group kinds map to
// Entra's flags as Graph shows them: Microsoft 365 = Unified, mail-enabled, not security; security
// = neither mail nor Unified; mail-enabled security = both flags; distribution list = mail only.
import type { DirectoryObjectRef, TenantState } from '../state/tenant.js';
import type { GroupKind, SandboxDirectoryRole, SandboxDomain, SandboxGroup } from '../state/types.js';
import { checkFree, optionalBoolean } from './directory-users.js';
import { ControlError, onlyKeys, optionalString, requiredString, stringList, type Body } from './validate.js';

const KINDS: GroupKind[] = ['distributionList', 'security', 'mailEnabledSecurity', 'microsoft365'];

export function groupView(group: SandboxGroup) {
  const { id, displayName, mailNickname, mail, mailEnabled, securityEnabled, groupTypes, proxyAddresses } =
    group;
  return {
    id,
    displayName,
    mailNickname,
    mail,
    kind: kindOf(group),
    mailEnabled,
    securityEnabled,
    groupTypes,
    proxyAddresses,
    memberIds: group.memberIds,
  };
}

function kindOf(group: SandboxGroup): GroupKind {
  if (group.groupTypes.includes('Unified')) return 'microsoft365';
  if (group.mailEnabled) return group.securityEnabled ? 'mailEnabledSecurity' : 'distributionList';
  return 'security';
}

/** A user or group by object id or any address it owns. */
function objectFrom(tenant: TenantState, key: string): DirectoryObjectRef | null {
  if (tenant.users.has(key)) return { kind: 'user', id: key };
  if (tenant.groups.has(key)) return { kind: 'group', id: key };
  return tenant.resolveAddress(key);
}

function groupFrom(tenant: TenantState, key: string): SandboxGroup {
  const group = tenant.findGroup(key);
  if (!group) throw new ControlError(404, `no group '${key}' in the tenant`);
  return group;
}

/** Microsoft 365 groups hold users only; no group may end up containing itself. */
function checkMember(
  tenant: TenantState,
  group: { id: string; groupTypes: string[] },
  member: DirectoryObjectRef,
  key: string,
): void {
  if (member.kind !== 'group') return;
  if (group.groupTypes.includes('Unified'))
    throw new ControlError(400, `Microsoft 365 groups cannot contain groups ('${key}')`);
  if (member.id === group.id || tenant.transitiveGroupIdsOf(group.id).has(member.id))
    throw new ControlError(400, `adding '${key}' would make the group contain itself`);
}

export function createGroup(tenant: TenantState, body: Body): SandboxGroup {
  onlyKeys(body, ['displayName', 'mailNickname', 'kind', 'members', 'description']);
  const displayName = requiredString(body, 'displayName');
  const mailNickname = requiredString(body, 'mailNickname');
  if (!/^[A-Za-z0-9._-]+$/.test(mailNickname))
    throw new ControlError(400, "'mailNickname' may hold only letters, digits, '.', '_' and '-'");
  const kind = requiredString(body, 'kind') as GroupKind;
  if (!KINDS.includes(kind)) throw new ControlError(400, `'kind' must be one of ${KINDS.join(', ')}`);
  const mail = kind === 'security' ? null : `${mailNickname}@${tenant.defaultDomain}`;
  if (mail) checkFree(tenant, mail, null);
  const id = tenant.random.guid();
  const groupTypes = kind === 'microsoft365' ? ['Unified'] : [];
  const memberIds: string[] = [];
  for (const key of stringList(body, 'members') ?? []) {
    const member = objectFrom(tenant, key);
    if (!member) throw new ControlError(400, `member '${key}' is neither a user nor a group of the tenant`);
    checkMember(tenant, { id, groupTypes }, member, key);
    if (!memberIds.includes(member.id)) memberIds.push(member.id);
  }
  return tenant.addGroup({
    id,
    displayName,
    description: optionalString(body, 'description') ?? null,
    mail,
    mailNickname,
    mailEnabled: kind !== 'security',
    securityEnabled: kind === 'security' || kind === 'mailEnabledSecurity',
    groupTypes,
    proxyAddresses: mail ? [`SMTP:${mail}`] : [],
    memberIds,
    createdDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
}

export function addGroupMember(tenant: TenantState, groupKey: string, memberKey: string): SandboxGroup {
  const group = groupFrom(tenant, groupKey);
  const member = objectFrom(tenant, memberKey);
  if (!member) throw new ControlError(404, `no user or group '${memberKey}' in the tenant`);
  if (group.memberIds.includes(member.id))
    throw new ControlError(409, `'${memberKey}' is already a member of ${group.displayName}`);
  checkMember(tenant, group, member, memberKey);
  return tenant.updateGroup(group.id, { memberIds: [...group.memberIds, member.id] });
}

export function removeGroupMember(tenant: TenantState, groupKey: string, memberKey: string): SandboxGroup {
  const group = groupFrom(tenant, groupKey);
  const member = objectFrom(tenant, memberKey);
  if (!member || !group.memberIds.includes(member.id))
    throw new ControlError(404, `'${memberKey}' is not a member of ${group.displayName}`);
  return tenant.updateGroup(group.id, { memberIds: group.memberIds.filter((id) => id !== member.id) });
}

export function createDomain(tenant: TenantState, body: Body): SandboxDomain {
  onlyKeys(body, ['id', 'isVerified']);
  const id = requiredString(body, 'id').toLowerCase();
  if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(id))
    throw new ControlError(400, `'id' must be a domain name, not '${id}'`);
  if (tenant.domains.has(id)) throw new ControlError(409, `the tenant already has the domain '${id}'`);
  const isVerified = optionalBoolean(body, 'isVerified') ?? true;
  return tenant.addDomain({
    id,
    isVerified,
    isDefault: false,
    isInitial: false,
    authenticationType: 'Managed',
    supportedServices: isVerified ? ['Email'] : [],
  });
}

export function roleView(role: SandboxDirectoryRole) {
  const { id, roleTemplateId, displayName, memberIds } = role;
  return { id, roleTemplateId, displayName, memberIds };
}

function roleFrom(tenant: TenantState, templateId: string): SandboxDirectoryRole {
  const role = tenant.roles.get(templateId.toLowerCase());
  if (!role) throw new ControlError(404, `no activated directory role with template id '${templateId}'`);
  return role;
}

/** Assigns a role to a user or, as Entra allows, to a security group (role-assignable group). */
export function addRoleMember(tenant: TenantState, templateId: string, body: Body): SandboxDirectoryRole {
  onlyKeys(body, ['user', 'group']);
  const role = roleFrom(tenant, templateId);
  const userKey = optionalString(body, 'user');
  const groupKey = optionalString(body, 'group');
  if ((userKey === undefined) === (groupKey === undefined))
    throw new ControlError(400, "give either 'user' or 'group'");
  let principalId: string;
  if (userKey !== undefined) {
    const user = tenant.findUser(userKey);
    if (!user) throw new ControlError(404, `no user '${userKey}' in the tenant`);
    principalId = user.id;
  } else {
    const group = groupFrom(tenant, groupKey!);
    if (!group.securityEnabled)
      throw new ControlError(400, `only security groups can hold roles ('${groupKey}')`);
    principalId = group.id;
  }
  if (role.memberIds.includes(principalId))
    throw new ControlError(409, `'${userKey ?? groupKey}' already holds ${role.displayName}`);
  role.memberIds = [...role.memberIds, principalId];
  touch(tenant);
  return role;
}

export function removeRoleMember(tenant: TenantState, templateId: string, key: string): SandboxDirectoryRole {
  const role = roleFrom(tenant, templateId);
  const principal = objectFrom(tenant, key);
  if (!principal || !role.memberIds.includes(principal.id))
    throw new ControlError(404, `'${key}' does not hold ${role.displayName}`);
  role.memberIds = role.memberIds.filter((id) => id !== principal.id);
  touch(tenant);
  return role;
}

/** Role membership lives outside the user and group records: bump seq and the directory version. */
function touch(tenant: TenantState): void {
  tenant.nextSeq();
  tenant.touchDirectory();
}
