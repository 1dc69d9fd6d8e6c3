// What a users/delta or groups/delta page means for the store. Within a page the last word on an
// object wins; removals (`@removed`, deleted or moved out of scope) delete the object and the
// memberships naming it. Groups carry their membership changes as members@delta: in an initial
// round the whole membership (possibly split over several appearances of the group), afterwards
// each member added or removed.
import type { Executor } from '../db/client.js';
import type { DeltaResource, PageResult } from './delta-phase.js';
import type { GraphReader } from './graph-pages.js';
import { odataQuery } from '../graph/odata.js';
import {
  GROUP_SELECT,
  USER_SELECT,
  groupRow,
  isCompleteGroup,
  isCompleteUser,
  memberTypeOf,
  userRow,
  type GraphGroup,
  type GraphUser,
} from './mapping.js';
import type { MembershipRow, ObjectRepository } from './object-repository.js';

/** Last appearance of each object in a page, split into live and removed. */
function lastWord<T extends { id: string; '@removed'?: unknown }>(items: T[]) {
  const latest = new Map<string, T>();
  for (const item of items) latest.set(item.id.toLowerCase(), item);
  const live: T[] = [];
  const removed: string[] = [];
  for (const [id, item] of latest)
    if (item['@removed']) removed.push(id);
    else live.push(item);
  return { live, removed };
}

async function countOf(reader: GraphReader, collection: 'users' | 'groups'): Promise<number | null> {
  const page = await reader.get<{ '@odata.count'?: number }>(
    `/${collection}${odataQuery({ $count: 'true', $top: 1, $select: 'id' })}`,
    { ConsistencyLevel: 'eventual' },
  );
  return typeof page['@odata.count'] === 'number' ? page['@odata.count'] : null;
}

export function usersResource(
  tenantId: string,
  objects: ObjectRepository,
  reader: GraphReader,
): DeltaResource<GraphUser> {
  return {
    resource: 'users',
    firstUrl: `/users/delta${odataQuery({ $select: USER_SELECT })}`,
    expected: () => countOf(reader, 'users'),
    async applyPage(items, round, tx): Promise<PageResult> {
      const { live, removed } = lastWord(items);
      const partial = live.filter((user) => !isCompleteUser(user)).map((user) => user.id.toLowerCase());
      const stored = await objects.storedUsers(tenantId, partial, tx);
      const rows = live.map((user) => userRow(user, stored.get(user.id.toLowerCase()) ?? null));
      await objects.upsertUsers(tenantId, rows, round, tx);
      await objects.deleteUsers(tenantId, removed, tx);
      return { processed: live.length + removed.length };
    },
    prune: (round, tx) => objects.pruneUsers(tenantId, round, tx),
  };
}

export function groupsResource(
  tenantId: string,
  objects: ObjectRepository,
  reader: GraphReader,
): DeltaResource<GraphGroup> {
  return {
    resource: 'groups',
    companion: 'memberships',
    firstUrl: `/groups/delta${odataQuery({ $select: `${GROUP_SELECT},members` })}`,
    expected: () => countOf(reader, 'groups'),
    async applyPage(items, round, tx): Promise<PageResult> {
      const { live, removed } = lastWord(items);
      const partial = live.filter((group) => !isCompleteGroup(group)).map((group) => group.id.toLowerCase());
      const stored = await objects.storedGroups(tenantId, partial, tx);
      const rows = live.map((group) => groupRow(group, stored.get(group.id.toLowerCase()) ?? null));
      await objects.upsertGroups(tenantId, rows, round, tx);
      await objects.deleteGroups(tenantId, removed, tx);
      const memberships = await applyMembers(tenantId, objects, items, new Set(removed), round, tx);
      return { processed: live.length + removed.length, companionProcessed: memberships };
    },
    async prune(round, tx) {
      const groups = await objects.pruneGroups(tenantId, round, tx);
      await objects.pruneMemberships(tenantId, round, tx);
      return groups;
    },
  };
}

/** members@delta of every appearance, in order (the last change per member wins). */
async function applyMembers(
  tenantId: string,
  objects: ObjectRepository,
  items: GraphGroup[],
  removedGroups: Set<string>,
  round: number,
  tx: Executor,
): Promise<number> {
  const changes = new Map<string, { row: MembershipRow; removed: boolean }>();
  for (const group of items) {
    const groupId = group.id.toLowerCase();
    if (removedGroups.has(groupId)) continue;
    for (const member of group['members@delta'] ?? []) {
      const memberId = member.id.toLowerCase();
      changes.set(`${groupId}/${memberId}`, {
        row: { groupId, memberId, memberType: memberTypeOf(member) },
        removed: !!member['@removed'],
      });
    }
  }
  const additions: MembershipRow[] = [];
  const removals = new Map<string, string[]>();
  for (const { row, removed } of changes.values()) {
    if (!removed) additions.push(row);
    else if (removals.has(row.groupId)) removals.get(row.groupId)!.push(row.memberId);
    else removals.set(row.groupId, [row.memberId]);
  }
  await objects.addMemberships(tenantId, additions, round, tx);
  await objects.removeMemberships(tenantId, removals, tx);
  return changes.size;
}
