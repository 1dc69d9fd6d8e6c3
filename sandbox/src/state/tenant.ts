// A tenant's whole state: directory, app registrations and mailboxes, with the change sequence
// that delta queries read. Handlers in entra/, graph/ and control/ are functions over this.
import type { Random } from './random.js';
import { createMailbox } from './mailbox.js';
import type {
  Mailbox,
  SandboxApp,
  SandboxDirectoryRole,
  SandboxDomain,
  SandboxGroup,
  SandboxUser,
  Tombstone,
} from './types.js';

export type DirectoryObjectRef = { kind: 'user'; id: string } | { kind: 'group'; id: string };

/** One membership change of a group, for groups/delta's members@delta. */
export interface MemberChange {
  memberId: string;
  kind: 'user' | 'group';
  removed: boolean;
  seq: number;
}

export class TenantState {
  readonly random: Random;
  readonly users = new Map<string, SandboxUser>();
  readonly groups = new Map<string, SandboxGroup>();
  readonly domains = new Map<string, SandboxDomain>();
  readonly roles = new Map<string, SandboxDirectoryRole>();
  readonly apps = new Map<string, SandboxApp>();
  readonly userTombstones: Tombstone[] = [];
  readonly groupTombstones: Tombstone[] = [];
  /** Group id → its membership changes in seq order (initial members count as added). */
  readonly memberChanges = new Map<string, MemberChange[]>();
  /** Lower-cased SMTP address or UPN → the object that owns it. */
  private readonly addresses = new Map<string, DirectoryObjectRef>();
  private readonly mailboxes = new Map<string, Mailbox>();
  private sequence = 0;
  private directoryChanges = 0;

  constructor(
    readonly tenantId: string,
    readonly displayName: string,
    readonly seed: number,
    random: Random,
  ) {
    this.random = random;
  }

  nextSeq(): number {
    this.sequence += 1;
    return this.sequence;
  }

  get currentSeq(): number {
    return this.sequence;
  }

  /** Changes with every directory write, so cached directory indexes know when to rebuild. */
  get directoryVersion(): number {
    return this.directoryChanges;
  }

  /** For writes made outside the methods below (directory role membership). */
  touchDirectory(): void {
    this.directoryChanges += 1;
  }

  get defaultDomain(): string {
    for (const domain of this.domains.values()) if (domain.isDefault) return domain.id;
    throw new Error('tenant has no default domain');
  }

  // ---- directory -------------------------------------------------------------------------------

  addUser(user: Omit<SandboxUser, 'seq'>): SandboxUser {
    const stored = { ...user, seq: this.nextSeq() };
    this.directoryChanges += 1;
    this.users.set(stored.id, stored);
    this.indexAddresses({ kind: 'user', id: stored.id }, [
      stored.userPrincipalName,
      ...addressesOf(stored.proxyAddresses),
    ]);
    return stored;
  }

  /** Applies a change to a user and bumps its delta sequence. */
  updateUser(id: string, change: Partial<Omit<SandboxUser, 'id' | 'seq'>>): SandboxUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    this.unindexAddresses([user.userPrincipalName, ...addressesOf(user.proxyAddresses)]);
    Object.assign(user, change, { seq: this.nextSeq() });
    this.directoryChanges += 1;
    this.indexAddresses({ kind: 'user', id }, [user.userPrincipalName, ...addressesOf(user.proxyAddresses)]);
    return user;
  }

  deleteUser(id: string): void {
    const user = this.users.get(id);
    if (!user) return;
    this.unindexAddresses([user.userPrincipalName, ...addressesOf(user.proxyAddresses)]);
    this.users.delete(id);
    this.userTombstones.push({ id, seq: this.nextSeq() });
    this.directoryChanges += 1;
    for (const group of this.groups.values()) {
      if (group.memberIds.includes(id))
        this.updateGroup(group.id, { memberIds: group.memberIds.filter((m) => m !== id) });
    }
  }

  addGroup(group: Omit<SandboxGroup, 'seq'>): SandboxGroup {
    const stored = { ...group, seq: this.nextSeq() };
    this.directoryChanges += 1;
    this.groups.set(stored.id, stored);
    this.logMembers(stored.id, [], stored.memberIds, stored.seq);
    this.indexAddresses({ kind: 'group', id: stored.id }, addressesOf(stored.proxyAddresses));
    if (stored.mail) this.indexAddresses({ kind: 'group', id: stored.id }, [stored.mail]);
    return stored;
  }

  updateGroup(id: string, change: Partial<Omit<SandboxGroup, 'id' | 'seq'>>): SandboxGroup {
    const group = this.groups.get(id);
    if (!group) throw new Error(`no group ${id}`);
    const before = group.memberIds;
    Object.assign(group, change, { seq: this.nextSeq() });
    this.directoryChanges += 1;
    if (change.memberIds) this.logMembers(id, before, group.memberIds, group.seq);
    return group;
  }

  deleteGroup(id: string): void {
    if (!this.groups.delete(id)) return;
    this.groupTombstones.push({ id, seq: this.nextSeq() });
    this.memberChanges.delete(id);
    this.directoryChanges += 1;
  }

  addDomain(domain: Omit<SandboxDomain, 'seq'>): SandboxDomain {
    const stored = { ...domain, seq: this.nextSeq() };
    this.directoryChanges += 1;
    this.domains.set(stored.id, stored);
    return stored;
  }

  /** Resolves an id, a UPN or any proxy address to a user. */
  findUser(idOrAddress: string): SandboxUser | null {
    const byId = this.users.get(idOrAddress);
    if (byId) return byId;
    const ref = this.addresses.get(idOrAddress.toLowerCase());
    return ref?.kind === 'user' ? (this.users.get(ref.id) ?? null) : null;
  }

  findGroup(idOrAddress: string): SandboxGroup | null {
    const byId = this.groups.get(idOrAddress);
    if (byId) return byId;
    const ref = this.addresses.get(idOrAddress.toLowerCase());
    return ref?.kind === 'group' ? (this.groups.get(ref.id) ?? null) : null;
  }

  resolveAddress(address: string): DirectoryObjectRef | null {
    return this.addresses.get(address.toLowerCase()) ?? null;
  }

  /** Every user reached through a group, following nested groups once each. */
  transitiveUserIds(groupId: string, seen = new Set<string>()): Set<string> {
    const users = new Set<string>();
    if (seen.has(groupId)) return users;
    seen.add(groupId);
    for (const memberId of this.groups.get(groupId)?.memberIds ?? []) {
      if (this.users.has(memberId)) users.add(memberId);
      else for (const nested of this.transitiveUserIds(memberId, seen)) users.add(nested);
    }
    return users;
  }

  /** Groups a user or group belongs to, directly or through nesting. */
  transitiveGroupIdsOf(memberId: string): Set<string> {
    const found = new Set<string>();
    const queue = [memberId];
    while (queue.length) {
      const current = queue.shift()!;
      for (const group of this.groups.values()) {
        if (group.memberIds.includes(current) && !found.has(group.id)) {
          found.add(group.id);
          queue.push(group.id);
        }
      }
    }
    return found;
  }

  /** Directory roles held by a user directly or through a role-assignable group. */
  rolesOf(userId: string): SandboxDirectoryRole[] {
    const principals = new Set([userId, ...this.transitiveGroupIdsOf(userId)]);
    return [...this.roles.values()].filter((role) => role.memberIds.some((m) => principals.has(m)));
  }

  // ---- mail ------------------------------------------------------------------------------------

  hasMailbox(userId: string): boolean {
    const user = this.users.get(userId);
    return !!user && user.mailboxType !== 'none' && user.licensed;
  }

  /** The user's mailbox, created with its default folders on first use. */
  mailbox(userId: string): Mailbox {
    let mailbox = this.mailboxes.get(userId);
    if (!mailbox) {
      mailbox = createMailbox(userId, this.random);
      this.mailboxes.set(userId, mailbox);
    }
    return mailbox;
  }

  existingMailboxes(): IterableIterator<Mailbox> {
    return this.mailboxes.values();
  }

  // ---- internals -------------------------------------------------------------------------------

  private logMembers(groupId: string, before: string[], after: string[], seq: number): void {
    const old = new Set(before);
    const now = new Set(after);
    let log = this.memberChanges.get(groupId);
    if (!log) this.memberChanges.set(groupId, (log = []));
    const kind = (id: string) => (this.groups.has(id) ? ('group' as const) : ('user' as const));
    for (const id of now) if (!old.has(id)) log.push({ memberId: id, kind: kind(id), removed: false, seq });
    for (const id of old) if (!now.has(id)) log.push({ memberId: id, kind: kind(id), removed: true, seq });
  }

  private indexAddresses(ref: DirectoryObjectRef, addresses: string[]): void {
    for (const address of addresses) this.addresses.set(address.toLowerCase(), ref);
  }

  private unindexAddresses(addresses: string[]): void {
    for (const address of addresses) this.addresses.delete(address.toLowerCase());
  }
}

/** "SMTP:a@x" / "smtp:b@x" → ["a@x", "b@x"]; other address types (X500, SIP) are skipped. */
export function addressesOf(proxyAddresses: string[]): string[] {
  return proxyAddresses.filter((p) => /^smtp:/i.test(p)).map((p) => p.slice(5));
}
