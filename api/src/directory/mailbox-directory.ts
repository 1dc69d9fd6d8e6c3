// The DirectoryService other features call, over the synced store. Until the first users round has
// completed, findMailbox falls back to one live Graph lookup, so a report works on a fresh install
// before any sync has run.
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphPath, odataQuery } from '../graph/odata.js';
import type { DirectoryService, MailboxRef } from './directory-service.js';
import type { DomainRepository } from './domain-repository.js';
import type { MailboxQueries } from './mailbox-queries.js';
import { USER_SELECT, userRow, type GraphUser } from './mapping.js';
import type { SyncStateRepository } from './sync-state-repository.js';

export interface MailboxDirectoryDeps {
  queries: MailboxQueries;
  domains: DomainRepository;
  states: SyncStateRepository;
  /** Graph client of the directory function's app. */
  graph: () => Client;
}

export function createMailboxDirectory(deps: MailboxDirectoryDeps): DirectoryService {
  async function everSynced(tenantId: string): Promise<boolean> {
    return (await deps.states.get(tenantId, 'users')).deltaLink !== null;
  }

  async function liveLookup(tenantId: string, key: string): Promise<MailboxRef | null> {
    let user: GraphUser;
    try {
      user = await deps
        .graph()
        .api(graphPath`/users/${key}` + odataQuery({ $select: USER_SELECT }))
        .get();
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
    const row = userRow(user, null);
    const published = await deps.domains.publishedNames(tenantId);
    return {
      id: row.id,
      upn: row.upn,
      mail: row.mail,
      kind: row.mailboxKind,
      domain: row.domain,
      published: published.includes(row.domain),
    };
  }

  return {
    expandAddresses: (tenantId, addresses) => deps.queries.expand(tenantId, addresses),

    async findMailbox(tenantId, idOrAddress) {
      const found = await deps.queries.find(tenantId, idOrAddress);
      if (found || (await everSynced(tenantId))) return found;
      return liveLookup(tenantId, idOrAddress.trim());
    },

    async *publishedMailboxes(tenantId, pageSize) {
      let after: string | null = null;
      for (;;) {
        const page = await deps.queries.publishedPage(tenantId, after, pageSize);
        if (page.length) yield page;
        if (page.length < pageSize) return;
        after = page.at(-1)!.id;
      }
    },

    publishedDomains: (tenantId) => deps.domains.publishedNames(tenantId),
  };
}
