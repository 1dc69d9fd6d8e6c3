// Users through the control plane: create, rename, re-address, enable/disable, license and delete,
// each a single directory change (one seq) so a delta round sees exactly that change.
import type { TenantState } from '../state/tenant.js';
import type { MailboxType, SandboxUser } from '../state/types.js';
import { ControlError, onlyKeys, optionalString, requiredString, stringList, type Body } from './validate.js';

const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAILBOX_TYPES: MailboxType[] = ['user', 'shared', 'none'];

export function userView(user: SandboxUser) {
  const { id, userPrincipalName, displayName, mail, proxyAddresses, accountEnabled, userType } = user;
  const { mailboxType, licensed } = user;
  return {
    id,
    userPrincipalName,
    displayName,
    mail,
    proxyAddresses,
    accountEnabled,
    userType,
    mailboxType,
    licensed,
  };
}

/** A user by id, UPN or any of its addresses, else 404 naming what was asked for. */
export function userFrom(tenant: TenantState, key: string): SandboxUser {
  const user = tenant.findUser(key);
  if (!user) throw new ControlError(404, `no user '${key}' in the tenant`);
  return user;
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value !== undefined && typeof value !== 'boolean')
    throw new ControlError(400, `'${key}' must be true or false`);
  return value;
}

/** Addresses must be in one of the tenant's verified domains (guests excepted, as in Exchange). */
export function checkDomain(tenant: TenantState, address: string, field: string): void {
  const domain = address.split('@')[1]?.toLowerCase() ?? '';
  if (!tenant.domains.get(domain)?.isVerified)
    throw new ControlError(400, `'${field}' must be in a verified domain of the tenant, not '${domain}'`);
}

/** 409 when another object already owns the address. */
export function checkFree(tenant: TenantState, address: string, ownerId: string | null): void {
  const owner = tenant.resolveAddress(address);
  if (owner && owner.id !== ownerId)
    throw new ControlError(409, `'${address}' is already used by ${owner.kind} ${owner.id}`);
}

/** "SMTP:a@x"/"smtp:a@x" or a bare address; returns [address, explicitly primary?]. */
function parseProxy(entry: string): [string, boolean | null] {
  const match = /^(smtp):(.+)$/i.exec(entry);
  const address = match ? match[2]! : entry;
  if (!ADDRESS.test(address)) throw new ControlError(400, `'${entry}' is not an email address`);
  return [address, match ? match[1] === 'SMTP' : null];
}

function proxyList(primary: string | null, aliases: string[]): string[] {
  return [...(primary ? [`SMTP:${primary}`] : []), ...aliases.map((alias) => `smtp:${alias}`)];
}

export function createUser(tenant: TenantState, body: Body): SandboxUser {
  onlyKeys(body, [
    'userPrincipalName',
    'displayName',
    'mailboxType',
    'userType',
    'proxyAddresses',
    'accountEnabled',
    'licensed',
    'jobTitle',
  ]);
  const upn = requiredString(body, 'userPrincipalName');
  const displayName = requiredString(body, 'displayName');
  if (!ADDRESS.test(upn)) throw new ControlError(400, "'userPrincipalName' must look like name@domain");
  checkDomain(tenant, upn, 'userPrincipalName');
  checkFree(tenant, upn, null);
  const userType = optionalString(body, 'userType') ?? 'Member';
  if (userType !== 'Member' && userType !== 'Guest')
    throw new ControlError(400, "'userType' must be 'Member' or 'Guest'");
  const mailboxType = (optionalString(body, 'mailboxType') ??
    (userType === 'Guest' ? 'none' : 'user')) as MailboxType;
  if (!MAILBOX_TYPES.includes(mailboxType))
    throw new ControlError(400, "'mailboxType' must be 'user', 'shared' or 'none'");

  const entries = stringList(body, 'proxyAddresses') ?? (mailboxType === 'none' ? [] : [`SMTP:${upn}`]);
  const parsed = entries.map(parseProxy);
  const explicit = parsed.filter(([, primary]) => primary === true);
  if (explicit.length > 1)
    throw new ControlError(400, "'proxyAddresses' may have only one primary 'SMTP:' address");
  const primary = explicit[0]?.[0] ?? parsed.find(([, p]) => p === null)?.[0] ?? parsed[0]?.[0] ?? null;
  const aliases = parsed.map(([address]) => address).filter((address) => address !== primary);
  const all = [...(primary ? [primary] : []), ...aliases];
  if (new Set(all.map((a) => a.toLowerCase())).size !== all.length)
    throw new ControlError(400, "'proxyAddresses' lists an address twice");
  for (const address of all) {
    if (userType === 'Member') checkDomain(tenant, address, 'proxyAddresses');
    if (address.toLowerCase() !== upn.toLowerCase()) checkFree(tenant, address, null);
  }

  const [givenName, ...rest] = displayName.split(' ');
  return tenant.addUser({
    id: tenant.random.guid(),
    userPrincipalName: upn,
    displayName,
    givenName: givenName || null,
    surname: rest.join(' ') || null,
    mail: primary,
    proxyAddresses: proxyList(primary, aliases),
    accountEnabled: optionalBoolean(body, 'accountEnabled') ?? mailboxType !== 'shared',
    userType,
    jobTitle: optionalString(body, 'jobTitle') ?? null,
    department: null,
    officeLocation: null,
    mailboxType,
    licensed: optionalBoolean(body, 'licensed') ?? mailboxType !== 'none',
    createdDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
}

export function updateUser(tenant: TenantState, key: string, body: Body): SandboxUser {
  onlyKeys(body, [
    'displayName',
    'userPrincipalName',
    'addProxyAddresses',
    'removeProxyAddresses',
    'primarySmtpAddress',
    'accountEnabled',
    'licensed',
    'jobTitle',
  ]);
  if (Object.keys(body).length === 0) throw new ControlError(400, 'nothing to change');
  const user = userFrom(tenant, key);
  const change: Partial<SandboxUser> = {};
  const displayName = optionalString(body, 'displayName');
  if (displayName !== undefined) change.displayName = displayName;
  const upn = optionalString(body, 'userPrincipalName');
  if (upn !== undefined) {
    if (!ADDRESS.test(upn)) throw new ControlError(400, "'userPrincipalName' must look like name@domain");
    checkDomain(tenant, upn, 'userPrincipalName');
    checkFree(tenant, upn, user.id);
    change.userPrincipalName = upn;
  }
  const addresses = readdress(tenant, user, body);
  if (addresses) Object.assign(change, addresses);
  for (const key of ['accountEnabled', 'licensed'] as const) {
    const value = optionalBoolean(body, key);
    if (value !== undefined) change[key] = value;
  }
  const jobTitle = optionalString(body, 'jobTitle');
  if (jobTitle !== undefined) change.jobTitle = jobTitle;
  return tenant.updateUser(user.id, change);
}

/** Adds and removes aliases and moves the primary address; `mail` follows the primary. */
function readdress(
  tenant: TenantState,
  user: SandboxUser,
  body: Body,
): Pick<SandboxUser, 'mail' | 'proxyAddresses'> | null {
  const adds = stringList(body, 'addProxyAddresses') ?? [];
  const removes = stringList(body, 'removeProxyAddresses') ?? [];
  const newPrimary = optionalString(body, 'primarySmtpAddress');
  if (!adds.length && !removes.length && newPrimary === undefined) return null;
  const current = user.proxyAddresses.map(parseProxy);
  let primary = current.find(([, p]) => p)?.[0] ?? null;
  const aliases = current.filter(([, p]) => !p).map(([address]) => address);
  const has = (address: string) =>
    [primary, ...aliases].some((a) => a?.toLowerCase() === address.toLowerCase());
  for (const entry of adds) {
    const [address, makePrimary] = parseProxy(entry);
    if (has(address))
      throw new ControlError(409, `'${address}' is already an address of ${user.userPrincipalName}`);
    if (user.userType === 'Member') checkDomain(tenant, address, 'addProxyAddresses');
    checkFree(tenant, address, user.id);
    if (makePrimary && primary) aliases.push(primary);
    if (makePrimary || !primary) primary = address;
    else aliases.push(address);
  }
  for (const entry of removes) {
    const [address] = parseProxy(entry);
    if (!has(address))
      throw new ControlError(404, `'${address}' is not an address of ${user.userPrincipalName}`);
    if (address.toLowerCase() === primary?.toLowerCase())
      throw new ControlError(400, `'${address}' is the primary address; make another one primary first`);
    aliases.splice(
      aliases.findIndex((a) => a.toLowerCase() === address.toLowerCase()),
      1,
    );
  }
  if (newPrimary !== undefined) {
    const index = aliases.findIndex((a) => a.toLowerCase() === newPrimary.toLowerCase());
    if (index < 0 && newPrimary.toLowerCase() !== primary?.toLowerCase())
      throw new ControlError(
        404,
        `'${newPrimary}' is not an address of ${user.userPrincipalName}; add it first`,
      );
    if (index >= 0) {
      aliases.splice(index, 1, ...(primary ? [primary] : []));
      primary = newPrimary;
    }
  }
  return { mail: primary, proxyAddresses: proxyList(primary, aliases) };
}

/** Deletes a user and the role assignments that named it (group memberships go with the user). */
export function deleteUser(tenant: TenantState, key: string): SandboxUser {
  const user = userFrom(tenant, key);
  for (const role of tenant.roles.values())
    if (role.memberIds.includes(user.id)) role.memberIds = role.memberIds.filter((id) => id !== user.id);
  tenant.deleteUser(user.id);
  return user;
}
