// Counts for the progress view: rows held per resource, and users, mailboxes and groups per domain.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  directoryDomains,
  directoryGroups,
  directoryMemberships,
  directoryRoleHolders,
  directoryUsers,
} from '../db/schema/index.js';
import type { SyncResource } from '../db/schema/index.js';

export interface DomainCounts {
  users: number;
  mailboxes: number;
  groups: number;
}

export function createDirectoryCounts(db: Database) {
  const count = sql<number>`count(*)::int`;
  const total = async (table: typeof directoryUsers | typeof directoryGroups, tenantId: string) =>
    (await db.select({ n: count }).from(table).where(eq(table.tenantId, tenantId)))[0]?.n ?? 0;

  return {
    async stored(tenantId: string): Promise<Record<SyncResource, number>> {
      const [users, groups, memberships, domains, roles] = await Promise.all([
        total(directoryUsers, tenantId),
        total(directoryGroups, tenantId),
        db.select({ n: count }).from(directoryMemberships).where(eq(directoryMemberships.tenantId, tenantId)),
        db
          .select({ n: count })
          .from(directoryDomains)
          .where(and(eq(directoryDomains.tenantId, tenantId), eq(directoryDomains.present, true))),
        db.select({ n: count }).from(directoryRoleHolders).where(eq(directoryRoleHolders.tenantId, tenantId)),
      ]);
      return {
        users,
        groups,
        memberships: memberships[0]?.n ?? 0,
        domains: domains[0]?.n ?? 0,
        roles: roles[0]?.n ?? 0,
      };
    },

    async byDomain(tenantId: string): Promise<Map<string, DomainCounts>> {
      const [users, groups] = await Promise.all([
        db
          .select({
            domain: directoryUsers.domain,
            users: count,
            mailboxes: sql<number>`(count(*) filter (where ${directoryUsers.mailboxKind} <> 'none' and not ${directoryUsers.isGuest}))::int`,
          })
          .from(directoryUsers)
          .where(eq(directoryUsers.tenantId, tenantId))
          .groupBy(directoryUsers.domain),
        db
          .select({ domain: directoryGroups.domain, groups: count })
          .from(directoryGroups)
          .where(eq(directoryGroups.tenantId, tenantId))
          .groupBy(directoryGroups.domain),
      ]);
      const counts = new Map<string, DomainCounts>();
      const entry = (domain: string) => {
        if (!counts.has(domain)) counts.set(domain, { users: 0, mailboxes: 0, groups: 0 });
        return counts.get(domain)!;
      };
      for (const row of users)
        Object.assign(entry(row.domain), { users: row.users, mailboxes: row.mailboxes });
      for (const row of groups) if (row.domain) entry(row.domain).groups = row.groups;
      return counts;
    },
  };
}

export type DirectoryCounts = ReturnType<typeof createDirectoryCounts>;
