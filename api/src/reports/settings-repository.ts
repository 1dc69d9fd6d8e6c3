// The tenant's user-reported settings: one row per tenant; defaults until an admin saves them.
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { userReportedSettings } from '../db/schema/index.js';

export type SettingsRow = typeof userReportedSettings.$inferSelect;

export function createSettingsRepository(db: Database) {
  return {
    async get(tenantId: string): Promise<SettingsRow | null> {
      const [row] = await db
        .select()
        .from(userReportedSettings)
        .where(eq(userReportedSettings.tenantId, tenantId));
      return row ?? null;
    },

    async put(row: SettingsRow, tx?: Executor): Promise<SettingsRow> {
      const [saved] = await (tx ?? db)
        .insert(userReportedSettings)
        .values(row)
        .onConflictDoUpdate({
          target: userReportedSettings.tenantId,
          set: { settings: row.settings, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
        })
        .returning();
      return saved!;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
