// The tenant's verified domains, for lookalike checks: read from Graph and kept for ten minutes.
// When Graph cannot answer, intake goes on without lookalike flags rather than failing the report.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { FastifyBaseLogger } from 'fastify';

const CACHE_MS = 10 * 60_000;

export function createTenantDomains(client: Client, log: FastifyBaseLogger) {
  let cached: { domains: string[]; expires: number } | null = null;
  let pending: Promise<string[]> | null = null;

  async function load(): Promise<string[]> {
    try {
      const page: { value?: { id?: string; isVerified?: boolean }[] } = await client.api('/domains').get();
      const domains = (page.value ?? []).filter((d) => d.isVerified && d.id).map((d) => d.id!.toLowerCase());
      cached = { domains, expires: Date.now() + CACHE_MS };
      return domains;
    } catch (error) {
      log.warn({ err: error }, 'verified domains unavailable; lookalike checks skipped');
      return cached?.domains ?? [];
    } finally {
      pending = null;
    }
  }

  return {
    /** One Graph call however many reports ask at once. */
    verified(): Promise<string[]> {
      if (cached && cached.expires > Date.now()) return Promise.resolve(cached.domains);
      return (pending ??= load());
    },
  };
}

export type TenantDomains = ReturnType<typeof createTenantDomains>;
