// Reads behind the DirectoryService: a user by id, UPN or address; the mailboxes a set of addresses
// reaches (users directly, groups through nested membership, walked in SQL with cycles cut by
// UNION); the mailboxes of the published domains in id order. Each mailbox carries whether its
// domain is published.
import { and, asc, eq, gt, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { directoryDomains, directoryUsers } from '../db/schema/index.js';
import type { MailboxKind, MailboxRef } from './directory-service.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RefRow {
  id: string;
  upn: string;
  mail: string | null;
  kind: string;
  domain: string;
  published: boolean;
}

function toRef(row: RefRow): MailboxRef {
  return {
    id: row.id,
    upn: row.upn,
    mail: row.mail,
    kind: row.kind as MailboxKind,
    domain: row.domain,
    published: row.published === true || (row.published as unknown) === 't',
  };
}

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

export function createMailboxQueries(db: Database) {
  const u = directoryUsers;
  const d = directoryDomains;
  const publishedDomain = (tenantId: string) =>
    and(
      eq(d.tenantId, tenantId),
      eq(d.name, u.domain),
      eq(d.present, true),
      eq(d.isVerified, true),
      isNotNull(d.publishedAt),
    );
  const refColumns = {
    id: u.id,
    upn: u.upn,
    mail: u.mail,
    kind: u.mailboxKind,
    domain: u.domain,
    published: sql<boolean>`${d.name} is not null`,
  };

  return {
    /** The user behind an object id, UPN or any SMTP address, mailbox or not. */
    async find(tenantId: string, key: string): Promise<MailboxRef | null> {
      const needle = key.trim().toLowerCase();
      const match = GUID.test(needle)
        ? eq(u.id, needle)
        : or(eq(u.upnLower, needle), sql`${u.addresses} @> ${textArray([needle])}`);
      const [row] = await db
        .select(refColumns)
        .from(u)
        .leftJoin(d, publishedDomain(tenantId))
        .where(and(eq(u.tenantId, tenantId), match))
        .limit(1);
      return row ? toRef(row) : null;
    },

    /** Mailboxes reached by these addresses (or UPNs), each once; guests and non-mailboxes left out. */
    async expand(tenantId: string, addresses: string[]): Promise<MailboxRef[]> {
      const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
      if (wanted.length === 0) return [];
      const list = textArray(wanted);
      const result = await db.execute(sql`
        with recursive groups(id) as (
          select g.id from directory_groups g
            where g.tenant_id = ${tenantId} and g.addresses && ${list}
          union
          select m.member_id from directory_memberships m join groups on m.group_id = groups.id
            where m.tenant_id = ${tenantId} and m.member_type = 'group'
        ),
        reached(id) as (
          select u.id from directory_users u
            where u.tenant_id = ${tenantId} and (u.addresses && ${list} or u.upn_lower = any(${list}))
          union
          select m.member_id from directory_memberships m join groups on m.group_id = groups.id
            where m.tenant_id = ${tenantId} and m.member_type = 'user'
        )
        select u.id, u.upn, u.mail, u.mailbox_kind as kind, u.domain, (d.name is not null) as published
          from directory_users u
          join reached r on r.id = u.id
          left join directory_domains d on d.tenant_id = u.tenant_id and d.name = u.domain
            and d.present and d.is_verified and d.published_at is not null
          where u.tenant_id = ${tenantId} and not u.is_guest and u.mailbox_kind <> 'none'
          order by u.id`);
      return (result as unknown as { rows: RefRow[] }).rows.map(toRef);
    },

    /** One page of mailboxes in published domains, after `after` in id order. */
    async publishedPage(tenantId: string, after: string | null, limit: number): Promise<MailboxRef[]> {
      const rows = await db
        .select(refColumns)
        .from(u)
        .innerJoin(d, publishedDomain(tenantId))
        .where(
          and(
            eq(u.tenantId, tenantId),
            eq(u.isGuest, false),
            ne(u.mailboxKind, 'none'),
            after ? gt(u.id, after) : undefined,
          ),
        )
        .orderBy(asc(u.id))
        .limit(limit);
      return rows.map(toRef);
    },
  };
}

export type MailboxQueries = ReturnType<typeof createMailboxQueries>;
