// The tenant's domains as last read from Graph, with who published each and when, and the
// organization's name. A domain Graph stops listing is kept (present = false) with its history.
import { and, asc, eq, gt, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { directoryDomains, directoryOrganization } from '../db/schema/index.js';

export type DomainRow = typeof directoryDomains.$inferSelect;

export interface GraphDomain {
  id: string;
  isVerified?: boolean;
  isDefault?: boolean;
  isInitial?: boolean;
}

export function createDomainRepository(db: Database) {
  const d = directoryDomains;
  const listed = (tenantId: string) =>
    and(eq(d.tenantId, tenantId), eq(d.present, true), eq(d.isVerified, true));

  return {
    /** Replaces the tenant's domain list with Graph's, keeping publication history. */
    async replaceAll(tenantId: string, domains: GraphDomain[], tx: Executor): Promise<void> {
      const now = new Date();
      const names = domains.map((domain) => domain.id.toLowerCase());
      if (domains.length)
        await tx
          .insert(d)
          .values(
            domains.map((domain) => ({
              tenantId,
              name: domain.id.toLowerCase(),
              isVerified: domain.isVerified ?? false,
              isDefault: domain.isDefault ?? false,
              isInitial: domain.isInitial ?? false,
              present: true,
              discoveredAt: now,
              updatedAt: now,
            })),
          )
          .onConflictDoUpdate({
            target: [d.tenantId, d.name],
            set: {
              isVerified: sql`excluded.is_verified`,
              isDefault: sql`excluded.is_default`,
              isInitial: sql`excluded.is_initial`,
              present: sql`true`,
              updatedAt: sql`excluded.updated_at`,
            },
          });
      await tx
        .update(d)
        .set({ present: false, updatedAt: now })
        .where(and(eq(d.tenantId, tenantId), names.length ? notInArray(d.name, names) : undefined));
    },

    /** Verified domains Graph still lists, by name, after `after`. */
    list(tenantId: string, after: string | null, limit: number): Promise<DomainRow[]> {
      return db
        .select()
        .from(d)
        .where(and(listed(tenantId), after ? gt(d.name, after) : undefined))
        .orderBy(asc(d.name))
        .limit(limit);
    },

    async get(tenantId: string, name: string): Promise<DomainRow | null> {
      const [row] = await db
        .select()
        .from(d)
        .where(and(eq(d.tenantId, tenantId), eq(d.name, name.toLowerCase())));
      return row ?? null;
    },

    async count(tenantId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(d)
        .where(eq(d.tenantId, tenantId));
      return row?.n ?? 0;
    },

    async setPublished(
      tenantId: string,
      name: string,
      by: { id: string; name: string | null } | null,
      tx?: Executor,
    ): Promise<DomainRow | null> {
      const [row] = await (tx ?? db)
        .update(d)
        .set({
          publishedAt: by ? new Date() : null,
          publishedBy: by?.id ?? null,
          publishedByName: by?.name ?? null,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(d.tenantId, tenantId),
            eq(d.name, name.toLowerCase()),
            eq(d.present, true),
            // Only a verified domain can be published; any can be unpublished.
            by ? eq(d.isVerified, true) : undefined,
          ),
        )
        .returning();
      return row ?? null;
    },

    async publishedNames(tenantId: string): Promise<string[]> {
      const rows = await db
        .select({ name: d.name })
        .from(d)
        .where(and(listed(tenantId), isNotNull(d.publishedAt)))
        .orderBy(asc(d.name));
      return rows.map((row) => row.name);
    },

    async saveOrganization(tenantId: string, displayName: string | null, tx: Executor): Promise<void> {
      const o = directoryOrganization;
      await tx
        .insert(o)
        .values({ tenantId, displayName, syncedAt: new Date() })
        .onConflictDoUpdate({ target: o.tenantId, set: { displayName, syncedAt: new Date() } });
    },

    async organization(tenantId: string) {
      const [row] = await db
        .select()
        .from(directoryOrganization)
        .where(eq(directoryOrganization.tenantId, tenantId));
      return row ?? null;
    },
  };
}

export type DomainRepository = ReturnType<typeof createDomainRepository>;
