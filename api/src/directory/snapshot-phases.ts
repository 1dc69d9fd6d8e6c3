// The small resources Graph offers no delta for, re-read whole each run: domains with the
// organization, and directory role holders (activated roles only; members fanned out through the
// executor, one list per role).
import type { Database } from '../db/client.js';
import type { SyncResource } from '../db/schema/index.js';
import { graphPath, odataQuery } from '../graph/odata.js';
import type { DomainRepository, GraphDomain } from './domain-repository.js';
import { GraphPageError, type GraphPage, type GraphReader } from './graph-pages.js';
import type { RoleHolderRow, RoleRepository } from './role-repository.js';
import type { SyncStateRepository } from './sync-state-repository.js';

export interface SnapshotContext {
  tenantId: string;
  db: Database;
  reader: GraphReader;
  states: SyncStateRepository;
}

interface GraphRole {
  id: string;
  roleTemplateId: string;
  displayName?: string;
}

interface GraphPrincipal {
  id: string;
  '@odata.type'?: string;
  userPrincipalName?: string | null;
  displayName?: string | null;
}

async function started(context: SnapshotContext, resource: SyncResource): Promise<Date> {
  const now = new Date();
  await context.states.save(context.tenantId, resource, {
    status: 'running',
    mode: 'full',
    processed: 0,
    pages: 0,
    startedAt: now,
    finishedAt: null,
    lastError: null,
  });
  return now;
}

function finished(startedAt: Date, processed: number, pages: number, details: Record<string, unknown> = {}) {
  const now = new Date();
  const seconds = Math.max(0.001, (now.getTime() - startedAt.getTime()) / 1000);
  return {
    status: 'completed' as const,
    processed,
    pages,
    ratePerSecond: processed / seconds,
    finishedAt: now,
    lastSuccessAt: now,
    details,
  };
}

export async function runDomainsPhase(context: SnapshotContext, domains: DomainRepository): Promise<void> {
  const startedAt = await started(context, 'domains');
  const page = await context.reader.get<GraphPage<GraphDomain>>('/domains');
  // The organization's name is a nicety: without Organization.Read.All the domains still sync.
  let organization: { displayName?: string | null } | null = null;
  let organizationError: string | null = null;
  try {
    const orgs = await context.reader.get<GraphPage<{ displayName?: string | null }>>(
      `/organization${odataQuery({ $select: 'id,displayName' })}`,
    );
    organization = orgs.value[0] ?? null;
  } catch (error) {
    if (!(error instanceof GraphPageError) || error.transient) throw error;
    organizationError = error.message;
  }
  await context.db.transaction(async (tx) => {
    await domains.replaceAll(context.tenantId, page.value, tx);
    if (organization) await domains.saveOrganization(context.tenantId, organization.displayName ?? null, tx);
    await context.states.save(
      context.tenantId,
      'domains',
      finished(startedAt, page.value.length, 1, organizationError ? { organizationError } : {}),
      tx,
    );
  });
}

export async function runRolesPhase(context: SnapshotContext, roles: RoleRepository): Promise<void> {
  const startedAt = await started(context, 'roles');
  const list = await context.reader.get<GraphPage<GraphRole>>(
    `/directoryRoles${odataQuery({ $select: 'id,roleTemplateId,displayName' })}`,
  );
  const firstPages = await context.reader.getAll<GraphPage<GraphPrincipal>>(
    list.value.map(
      (role) =>
        graphPath`/directoryRoles/${role.id}/members` +
        odataQuery({ $select: 'id,userPrincipalName,displayName' }),
    ),
  );
  const holders: RoleHolderRow[] = [];
  let pages = 1 + firstPages.length;
  for (const [index, role] of list.value.entries()) {
    let page = firstPages[index]!;
    for (;;) {
      for (const principal of page.value) holders.push(holderRow(role, principal));
      const next = page['@odata.nextLink'];
      if (!next) break;
      page = await context.reader.get<GraphPage<GraphPrincipal>>(context.reader.relative(next));
      pages += 1;
    }
  }
  await context.db.transaction(async (tx) => {
    await roles.replaceAll(context.tenantId, holders, tx);
    await context.states.save(context.tenantId, 'roles', finished(startedAt, holders.length, pages), tx);
  });
}

function holderRow(role: GraphRole, principal: GraphPrincipal): RoleHolderRow {
  const type = principal['@odata.type']?.toLowerCase();
  return {
    roleTemplateId: role.roleTemplateId.toLowerCase(),
    roleName: role.displayName ?? null,
    principalId: principal.id.toLowerCase(),
    principalType:
      type === '#microsoft.graph.user' ? 'user' : type === '#microsoft.graph.group' ? 'group' : 'other',
    principalName: principal.userPrincipalName ?? principal.displayName ?? null,
  };
}
