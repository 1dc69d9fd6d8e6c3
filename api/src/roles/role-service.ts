// A caller's directory roles, looked up live from Graph (transitive, so roles held through a
// role-assignable group count), cached for at most ROLE_CACHE_SECONDS and re-read on demand right
// before destructive actions. The token's `wids` claim is never trusted for this.
import { capabilitiesFor, roleNameForTemplate, type Capability, type RoleName } from '@clawback/shared';
import type { Caller } from '../auth/caller.js';
import type { GraphGateway } from '../graph/gateway.js';
import { graphPath, odataQuery } from '../graph/odata.js';
import { problems } from '../http/problem.js';

interface CachedRoles {
  roles: RoleName[];
  expires: number;
}

interface DirectoryRolePage {
  value?: { roleTemplateId?: string }[];
  '@odata.nextLink'?: string;
}

export interface CallerAccess {
  roles: RoleName[];
  capabilities: Capability[];
}

/** What app-only callers with the automation role may do (never approve: that needs a person). */
const APP_CAPABILITIES: Capability[] = ['readReports', 'setVerdicts', 'retract'];

export function createRoleService(graph: GraphGateway, cacheSeconds: number) {
  const cache = new Map<string, CachedRoles>();

  async function lookup(oid: string): Promise<RoleName[]> {
    const roles = new Set<RoleName>();
    let url: string | undefined =
      graphPath`/users/${oid}/transitiveMemberOf/microsoft.graph.directoryRole` +
      odataQuery({ $select: 'id,roleTemplateId' });
    try {
      while (url) {
        const page: DirectoryRolePage = await graph.client.api(url).get();
        for (const role of page.value ?? []) {
          const name = role.roleTemplateId ? roleNameForTemplate(role.roleTemplateId) : null;
          if (name) roles.add(name);
        }
        url = page['@odata.nextLink'];
      }
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) return [];
      throw problems.graphUnavailable(
        `the caller's directory roles could not be read (${status ?? 'network error'})`,
      );
    }
    return [...roles].sort();
  }

  return {
    /** Roles and capabilities; `fresh` skips the cache (before destructive actions). */
    async access(caller: Caller, options: { fresh?: boolean } = {}): Promise<CallerAccess> {
      if (caller.kind === 'app') return { roles: [], capabilities: APP_CAPABILITIES };
      const key = `${caller.tenantId}:${caller.oid}`;
      const cached = cache.get(key);
      let roles: RoleName[];
      if (!options.fresh && cached && cached.expires > Date.now()) roles = cached.roles;
      else {
        roles = await lookup(caller.oid);
        cache.set(key, { roles, expires: Date.now() + cacheSeconds * 1000 });
      }
      return { roles, capabilities: capabilitiesFor(roles, { isGuest: caller.isGuest }) };
    },
    forget(caller: Caller): void {
      cache.delete(`${caller.tenantId}:${caller.oid}`);
    },
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
