// User-reported settings with a short cache: intake reads them on every report, admins change them
// rarely. Saved settings are parsed again on read, so a row written by an older version still works.
import {
  DEFAULT_USER_REPORTED_SETTINGS,
  userReportedSettingsSchema,
  type UserReportedSettings,
} from '@clawback/shared';
import type { Executor } from '../db/client.js';
import type { SettingsRepository } from './settings-repository.js';

export interface StoredSettings {
  settings: UserReportedSettings;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Other processes see a change within this long. */
const CACHE_MS = 5_000;

export function createSettingsService(repository: SettingsRepository) {
  const cache = new Map<string, { value: StoredSettings; expires: number }>();

  return {
    async get(tenantId: string): Promise<StoredSettings> {
      const hit = cache.get(tenantId);
      if (hit && hit.expires > Date.now()) return hit.value;
      const row = await repository.get(tenantId);
      const parsed = row
        ? userReportedSettingsSchema.safeParse({ ...DEFAULT_USER_REPORTED_SETTINGS, ...row.settings })
        : null;
      const value: StoredSettings = {
        settings: parsed?.success ? parsed.data : DEFAULT_USER_REPORTED_SETTINGS,
        updatedAt: row?.updatedAt ?? null,
        updatedBy: row?.updatedBy ?? null,
      };
      cache.set(tenantId, { value, expires: Date.now() + CACHE_MS });
      return value;
    },

    async put(
      tenantId: string,
      settings: UserReportedSettings,
      updatedBy: string | null,
      tx?: Executor,
    ): Promise<StoredSettings> {
      const row = await repository.put({ tenantId, settings, updatedAt: new Date(), updatedBy }, tx);
      cache.delete(tenantId);
      return { settings, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
    },

    forget(tenantId: string): void {
      cache.delete(tenantId);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
