// Sorted views of a tenant's directory, cached until the directory changes, so that a page of
// /users, /users/delta or /groups/{id}/transitiveMembers costs O(page + log n), not O(tenant).
// Each view is built on first use after a change; a 100,000-user tenant sorts once, then pages.
import { randomUUID } from 'node:crypto';
import type { TenantState } from '../../state/tenant.js';
import type { SandboxGroup, SandboxUser } from '../../state/types.js';
import type { ObjectKind } from './resources.js';

/** One object in change order: its current seq, or the seq of its deletion. */
export interface ChangeEntry {
  seq: number;
  id: string;
  removed: boolean;
}

export interface ObjectRef {
  id: string;
  kind: ObjectKind;
}

export class DirectoryIndex {
  private byIdUsers?: SandboxUser[];
  private byIdGroups?: SandboxGroup[];
  private userChanges?: ChangeEntry[];
  private groupChanges?: ChangeEntry[];
  private parentsOf?: Map<string, string[]>;
  private readonly expanded = new Map<string, ObjectRef[]>();

  constructor(
    private readonly tenant: TenantState,
    readonly version: number,
  ) {}

  get usersById(): SandboxUser[] {
    return (this.byIdUsers ??= sortedById(this.tenant.users));
  }

  get groupsById(): SandboxGroup[] {
    return (this.byIdGroups ??= sortedById(this.tenant.groups));
  }

  get userLog(): ChangeEntry[] {
    return (this.userChanges ??= changeLog(this.tenant.users.values(), this.tenant.userTombstones));
  }

  get groupLog(): ChangeEntry[] {
    return (this.groupChanges ??= changeLog(this.tenant.groups.values(), this.tenant.groupTombstones));
  }

  /** Groups that list an object as a direct member. */
  parents(memberId: string): readonly string[] {
    if (!this.parentsOf) {
      const parents = new Map<string, string[]>();
      for (const group of this.tenant.groups.values())
        for (const member of group.memberIds) {
          const list = parents.get(member);
          if (list) list.push(group.id);
          else parents.set(member, [group.id]);
        }
      this.parentsOf = parents;
    }
    return this.parentsOf.get(memberId) ?? [];
  }

  /**
   * Every user and group reached from a group through nested membership, each once, sorted by id.
   * Breadth-first with a visited set: linear in the memberships walked, cycles included.
   */
  transitiveMembers(groupId: string): ObjectRef[] {
    const cached = this.expanded.get(groupId);
    if (cached) return cached;
    const seen = new Set<string>([groupId]);
    const found: ObjectRef[] = [];
    const queue = [groupId];
    for (let i = 0; i < queue.length; i += 1) {
      for (const memberId of this.tenant.groups.get(queue[i]!)?.memberIds ?? []) {
        if (seen.has(memberId)) continue;
        seen.add(memberId);
        const kind = this.kindOf(memberId);
        if (!kind) continue;
        found.push({ id: memberId, kind });
        if (kind === 'group') queue.push(memberId);
      }
    }
    const sorted = sortedById(new Map(found.map((ref) => [ref.id, ref])));
    this.expanded.set(groupId, sorted);
    return sorted;
  }

  /** Groups an object belongs to directly or through nesting (each once). */
  transitiveGroupsOf(memberId: string): string[] {
    const seen = new Set<string>();
    const queue = [memberId];
    for (let i = 0; i < queue.length; i += 1)
      for (const parent of this.parents(queue[i]!))
        if (!seen.has(parent)) {
          seen.add(parent);
          queue.push(parent);
        }
    return [...seen];
  }

  kindOf(id: string): 'user' | 'group' | null {
    if (this.tenant.users.has(id)) return 'user';
    if (this.tenant.groups.has(id)) return 'group';
    return null;
  }
}

const indexes = new WeakMap<TenantState, DirectoryIndex>();
const epochs = new WeakMap<TenantState, string>();

export function directoryIndex(tenant: TenantState): DirectoryIndex {
  const cached = indexes.get(tenant);
  if (cached && cached.version === tenant.directoryVersion) return cached;
  const fresh = new DirectoryIndex(tenant, tenant.directoryVersion);
  indexes.set(tenant, fresh);
  return fresh;
}

/** Identifies one tenant instance, so delta tokens from before a reset are refused. */
export function tenantEpoch(tenant: TenantState): string {
  let epoch = epochs.get(tenant);
  if (!epoch) epochs.set(tenant, (epoch = randomUUID().slice(0, 8)));
  return epoch;
}

/** Values ordered by id (UTF-16 code units, as `<` compares): the default sort of the keys is far faster than a comparator. */
export function sortedById<T>(byId: ReadonlyMap<string, T>): T[] {
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}

function changeLog(
  live: Iterable<{ id: string; seq: number }>,
  tombstones: readonly { id: string; seq: number }[],
): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  for (const item of live) entries.push({ seq: item.seq, id: item.id, removed: false });
  for (const tombstone of tombstones) entries.push({ seq: tombstone.seq, id: tombstone.id, removed: true });
  return entries.sort((a, b) => a.seq - b.seq);
}

/** First position in a seq-sorted log whose seq is greater than `after`. */
export function firstAfter(log: readonly { seq: number }[], after: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (log[mid]!.seq <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First position in an id-sorted list whose id is greater than `after`. */
export function firstIdAfter(items: readonly { id: string }[], after: string | null): number {
  if (after === null) return 0;
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid]!.id <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}
