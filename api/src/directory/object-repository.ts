// Writes of synced users, groups and direct memberships. Every write is an idempotent upsert or
// delete keyed by object id, so a page applied twice (a retry, a resume after a crash) leaves the
// same rows. Rows carry the initial round that last saw them; an initial round ends by pruning
// what it did not see. Bulk upserts pass a page as one JSON parameter (jsonb_to_recordset): with
// thousands of rows per page that is several times faster than binding every value.
import { and, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../db/client.js';
import { directoryGroups, directoryMemberships, directoryUsers } from '../db/schema/index.js';
import type { GroupRow, UserRow } from './mapping.js';

export interface MembershipRow {
  groupId: string;
  memberId: string;
  memberType: 'user' | 'group' | 'other';
}

const MEMBERSHIP_CHUNK = 20_000;

/** Deletes matching rows and answers how many, without bringing them back. */
async function countDeleted(tx: Executor, table: PgTable, where: SQL): Promise<number> {
  const result = await tx.execute(
    sql`with gone as (delete from ${table} where ${where} returning 1) select count(*)::int as n from gone`,
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

export function createObjectRepository(db: Database) {
  return {
    async storedUsers(tenantId: string, ids: string[], tx?: Executor): Promise<Map<string, UserRow>> {
      if (ids.length === 0) return new Map();
      const rows = await (tx ?? db)
        .select()
        .from(directoryUsers)
        .where(and(eq(directoryUsers.tenantId, tenantId), inArray(directoryUsers.id, ids)));
      return new Map(rows.map((row) => [row.id, row]));
    },

    async upsertUsers(tenantId: string, rows: UserRow[], round: number, tx: Executor): Promise<void> {
      if (rows.length === 0) return;
      await tx.execute(sql`
        insert into directory_users (tenant_id, id, upn, upn_lower, display_name, mail, addresses,
          account_enabled, is_guest, licensed, mailbox_kind, domain, sync_round, updated_at)
        select ${tenantId}::uuid, r.id, r.upn, r."upnLower", r."displayName", r.mail, r.addresses,
          r."accountEnabled", r."isGuest", r.licensed, r."mailboxKind", r.domain, ${round}::int, now()
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, upn text, "upnLower" text,
          "displayName" text, mail text, addresses text[], "accountEnabled" boolean, "isGuest" boolean,
          licensed boolean, "mailboxKind" text, domain text)
        on conflict (tenant_id, id) do update set upn = excluded.upn, upn_lower = excluded.upn_lower,
          display_name = excluded.display_name, mail = excluded.mail, addresses = excluded.addresses,
          account_enabled = excluded.account_enabled, is_guest = excluded.is_guest,
          licensed = excluded.licensed, mailbox_kind = excluded.mailbox_kind, domain = excluded.domain,
          sync_round = excluded.sync_round, updated_at = excluded.updated_at`);
    },

    /** Deletes users and the memberships that name them. */
    async deleteUsers(tenantId: string, ids: string[], tx: Executor): Promise<void> {
      if (ids.length === 0) return;
      await tx
        .delete(directoryUsers)
        .where(and(eq(directoryUsers.tenantId, tenantId), inArray(directoryUsers.id, ids)));
      await tx
        .delete(directoryMemberships)
        .where(and(eq(directoryMemberships.tenantId, tenantId), inArray(directoryMemberships.memberId, ids)));
    },

    pruneUsers: (tenantId: string, round: number, tx: Executor) =>
      countDeleted(
        tx,
        directoryUsers,
        and(eq(directoryUsers.tenantId, tenantId), lt(directoryUsers.syncRound, round))!,
      ),

    async storedGroups(tenantId: string, ids: string[], tx?: Executor): Promise<Map<string, GroupRow>> {
      if (ids.length === 0) return new Map();
      const rows = await (tx ?? db)
        .select()
        .from(directoryGroups)
        .where(and(eq(directoryGroups.tenantId, tenantId), inArray(directoryGroups.id, ids)));
      return new Map(rows.map((row) => [row.id, row]));
    },

    async upsertGroups(tenantId: string, rows: GroupRow[], round: number, tx: Executor): Promise<void> {
      if (rows.length === 0) return;
      await tx.execute(sql`
        insert into directory_groups (tenant_id, id, display_name, mail, kind, addresses, domain,
          sync_round, updated_at)
        select ${tenantId}::uuid, r.id, r."displayName", r.mail, r.kind, r.addresses, r.domain,
          ${round}::int, now()
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, "displayName" text,
          mail text, kind text, addresses text[], domain text)
        on conflict (tenant_id, id) do update set display_name = excluded.display_name,
          mail = excluded.mail, kind = excluded.kind, addresses = excluded.addresses,
          domain = excluded.domain, sync_round = excluded.sync_round, updated_at = excluded.updated_at`);
    },

    /** Deletes groups, their memberships, and their membership in other groups. */
    async deleteGroups(tenantId: string, ids: string[], tx: Executor): Promise<void> {
      if (ids.length === 0) return;
      const m = directoryMemberships;
      await tx
        .delete(directoryGroups)
        .where(and(eq(directoryGroups.tenantId, tenantId), inArray(directoryGroups.id, ids)));
      await tx
        .delete(m)
        .where(and(eq(m.tenantId, tenantId), or(inArray(m.groupId, ids), inArray(m.memberId, ids))));
    },

    pruneGroups: (tenantId: string, round: number, tx: Executor) =>
      countDeleted(
        tx,
        directoryGroups,
        and(eq(directoryGroups.tenantId, tenantId), lt(directoryGroups.syncRound, round))!,
      ),

    async addMemberships(tenantId: string, rows: MembershipRow[], round: number, tx: Executor) {
      for (let i = 0; i < rows.length; i += MEMBERSHIP_CHUNK)
        await tx.execute(sql`
          insert into directory_memberships (tenant_id, group_id, member_id, member_type, sync_round)
          select ${tenantId}::uuid, r."groupId", r."memberId", r."memberType", ${round}::int
          from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + MEMBERSHIP_CHUNK))}::jsonb)
            as r("groupId" uuid, "memberId" uuid, "memberType" text)
          on conflict (tenant_id, group_id, member_id) do update
            set member_type = excluded.member_type, sync_round = excluded.sync_round`);
    },

    /** Removes members, given per group. */
    async removeMemberships(tenantId: string, byGroup: Map<string, string[]>, tx: Executor) {
      const m = directoryMemberships;
      for (const [groupId, memberIds] of byGroup)
        await tx
          .delete(m)
          .where(and(eq(m.tenantId, tenantId), eq(m.groupId, groupId), inArray(m.memberId, memberIds)));
    },

    pruneMemberships: (tenantId: string, round: number, tx: Executor) =>
      countDeleted(
        tx,
        directoryMemberships,
        and(eq(directoryMemberships.tenantId, tenantId), lt(directoryMemberships.syncRound, round))!,
      ),
  };
}

export type ObjectRepository = ReturnType<typeof createObjectRepository>;
