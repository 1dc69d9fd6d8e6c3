// One directory sync run: domains (and organization), users, groups with their memberships, role
// holders, in that order. A phase that fails is recorded and the others still run; the run then
// throws if anything failed for a reason worth retrying (throttling, outage), so the job queue
// retries it and the failed phase resumes from its stored links. Permission errors are recorded
// without a retry: they need an admin, not time.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import type { SyncResource } from '../db/schema/index.js';
import { SyncAborted, runDeltaPhase } from './delta-phase.js';
import { groupsResource, usersResource } from './delta-resources.js';
import type { DomainRepository } from './domain-repository.js';
import { GraphPageError, type GraphReader } from './graph-pages.js';
import type { ObjectRepository } from './object-repository.js';
import type { RoleRepository } from './role-repository.js';
import { runDomainsPhase, runRolesPhase } from './snapshot-phases.js';
import type { SyncStateRepository } from './sync-state-repository.js';

export interface SyncRunnerDeps {
  db: Database;
  reader: GraphReader;
  states: SyncStateRepository;
  objects: ObjectRepository;
  domains: DomainRepository;
  roles: RoleRepository;
  pageSize: number;
  log: FastifyBaseLogger;
}

export class SyncFailed extends Error {
  constructor(readonly failures: { phase: SyncResource; error: unknown }[]) {
    super(`directory sync failed in ${failures.map((f) => f.phase).join(', ')}`);
  }
}

export function createSyncRunner(deps: SyncRunnerDeps) {
  return async function run(tenantId: string, signal: AbortSignal): Promise<void> {
    const snapshot = { tenantId, db: deps.db, reader: deps.reader, states: deps.states };
    const delta = { ...snapshot, pageSize: deps.pageSize, signal };
    const phases: [SyncResource[], () => Promise<void>][] = [
      [['domains'], () => runDomainsPhase(snapshot, deps.domains)],
      [['users'], () => runDeltaPhase(delta, usersResource(tenantId, deps.objects, deps.reader))],
      [
        ['groups', 'memberships'],
        () => runDeltaPhase(delta, groupsResource(tenantId, deps.objects, deps.reader)),
      ],
      [['roles'], () => runRolesPhase(snapshot, deps.roles)],
    ];
    const failures: { phase: SyncResource; error: unknown }[] = [];
    for (const [resources, phase] of phases) {
      if (signal.aborted) throw new SyncAborted();
      try {
        await phase();
      } catch (error) {
        if (error instanceof SyncAborted) {
          await markStopped(deps.states, tenantId, resources, error.message);
          throw error;
        }
        deps.log.warn({ err: error, phase: resources[0] }, 'directory sync phase failed');
        await markFailed(deps.states, tenantId, resources, error);
        failures.push({ phase: resources[0]!, error });
      }
    }
    const retryable = failures.some(
      ({ error }) => !(error instanceof GraphPageError) || error.transient || error.resyncRequired,
    );
    if (retryable) throw new SyncFailed(failures);
  };
}

export type SyncRunner = ReturnType<typeof createSyncRunner>;

function describe(error: unknown): string {
  if (error instanceof GraphPageError && error.status === 403)
    return `${error.message} (grant the directory app the permission it lacks)`;
  return error instanceof Error ? error.message : String(error);
}

async function markFailed(
  states: SyncStateRepository,
  tenantId: string,
  resources: SyncResource[],
  error: unknown,
): Promise<void> {
  const now = new Date();
  for (const resource of resources)
    await states.save(tenantId, resource, {
      status: 'failed',
      finishedAt: now,
      lastError: describe(error).slice(0, 2000),
      lastErrorAt: now,
    });
}

/** A shutdown is not a failure: the phase goes back to idle and resumes from its next link. */
async function markStopped(
  states: SyncStateRepository,
  tenantId: string,
  resources: SyncResource[],
  reason: string,
): Promise<void> {
  for (const resource of resources)
    await states.save(tenantId, resource, { status: 'idle', lastError: reason, lastErrorAt: new Date() });
}
