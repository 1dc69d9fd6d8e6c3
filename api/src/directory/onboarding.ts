// Domain onboarding and the progress view. Publishing a domain (seed 001's last step) needs a
// verified domain and both authorizations (mail access for retraction, directory scanning) in place;
// it is audited and starts a sync, so the domain moves on to syncing and synced. Only published
// domains are protected: the DirectoryService tells other features through MailboxRef.published.
import type { DirectoryStatus, DomainSummary } from '@clawback/shared';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuditInput } from '../audit/audit-repository.js';
import type { ProblemError } from '../http/problem.js';
import { problems } from '../http/problem.js';
import type { Authorizations } from './authorizations.js';
import type { DirectoryCounts } from './directory-counts.js';
import type { DomainRepository, DomainRow } from './domain-repository.js';
import { domainState, domainSummary, overallOf, phaseViews } from './status-view.js';
import type { SyncStateRepository } from './sync-state-repository.js';

export type AuditActor = Pick<
  AuditInput,
  'tenantId' | 'actorType' | 'actorId' | 'actorName' | 'requestId' | 'ip'
>;

export interface OnboardingDeps {
  domains: DomainRepository;
  counts: DirectoryCounts;
  states: SyncStateRepository;
  authorizations: Authorizations;
  audit: AuditLog;
  /** Reads the domain list from Graph now (before the first sync has). */
  refreshDomains(tenantId: string): Promise<void>;
  requestSync(tenantId: string, requestedBy: string | null): Promise<string | null>;
  schedule: string | null;
}

/** Publishing needs both of seed 001's authorizations. */
const PUBLISH_NEEDS = ['retraction', 'directory'] as const;

export function createOnboarding(deps: OnboardingDeps) {
  async function view(tenantId: string) {
    const [rows, byDomain, authorized] = await Promise.all([
      deps.states.all(tenantId),
      deps.counts.byDomain(tenantId),
      deps.authorizations.authorized(tenantId, [...PUBLISH_NEEDS]),
    ]);
    const overall = overallOf(rows);
    const summarize = (domain: DomainRow): DomainSummary =>
      domainSummary(domain, domainState(domain, overall, authorized), byDomain.get(domain.name));
    return { rows, overall, summarize };
  }

  async function domainOrThrow(actor: AuditActor, name: string): Promise<DomainRow> {
    if ((await deps.domains.count(actor.tenantId)) === 0) await deps.refreshDomains(actor.tenantId);
    const domain = await deps.domains.get(actor.tenantId, name);
    if (!domain?.present) throw problems.notFound(`the tenant has no domain '${name}'`);
    return domain;
  }

  async function refuse(actor: AuditActor, action: string, name: string, problem: ProblemError) {
    await deps.audit.record({
      ...actor,
      action,
      targetType: 'domain',
      targetId: name,
      outcome: 'denied',
      details: { reason: problem.code, detail: problem.detail ?? null },
    });
    throw problem;
  }

  return {
    async status(tenantId: string): Promise<DirectoryStatus> {
      const [{ rows, overall, summarize }, stored, organization, domains] = await Promise.all([
        view(tenantId),
        deps.counts.stored(tenantId),
        deps.domains.organization(tenantId),
        deps.domains.list(tenantId, null, 1000),
      ]);
      return {
        state: overall.state,
        lastSyncedAt: overall.lastSyncedAt?.toISOString() ?? null,
        schedule: deps.schedule,
        organization: organization ? { id: tenantId, displayName: organization.displayName } : null,
        phases: phaseViews(tenantId, rows, stored),
        domains: domains.map(summarize),
      };
    },

    async list(tenantId: string, after: string | null, limit: number) {
      const [{ summarize }, rows] = await Promise.all([
        view(tenantId),
        deps.domains.list(tenantId, after, limit + 1),
      ]);
      const page = rows.slice(0, limit);
      return { items: page.map(summarize), more: rows.length > limit };
    },

    async publish(actor: AuditActor, name: string): Promise<DomainSummary> {
      const domain = await domainOrThrow(actor, name);
      if (!domain.isVerified)
        await refuse(
          actor,
          'domain.publish',
          name,
          problems.conflict(`'${name}' is not verified in Entra ID`),
        );
      if (!(await deps.authorizations.authorized(actor.tenantId, [...PUBLISH_NEEDS], { fresh: true })))
        await refuse(
          actor,
          'domain.publish',
          name,
          problems.consentRequired('authorize mail access and directory scanning before publishing a domain'),
        );
      const already = domain.publishedAt !== null;
      const by = { id: actor.actorId ?? 'unknown', name: actor.actorName ?? null };
      const published = already ? domain : await deps.domains.setPublished(actor.tenantId, name, by);
      await deps.audit.record({
        ...actor,
        action: 'domain.published',
        targetType: 'domain',
        targetId: domain.name,
        outcome: 'success',
        details: { alreadyPublished: already },
      });
      if (!already) await deps.requestSync(actor.tenantId, actor.actorName ?? null);
      return (await view(actor.tenantId)).summarize(published!);
    },

    async unpublish(actor: AuditActor, name: string): Promise<DomainSummary> {
      const domain = await domainOrThrow(actor, name);
      const wasPublished = domain.publishedAt !== null;
      const row = wasPublished ? await deps.domains.setPublished(actor.tenantId, name, null) : domain;
      await deps.audit.record({
        ...actor,
        action: 'domain.unpublished',
        targetType: 'domain',
        targetId: domain.name,
        outcome: 'success',
        details: { wasPublished },
      });
      return (await view(actor.tenantId)).summarize(row ?? domain);
    },
  };
}

export type Onboarding = ReturnType<typeof createOnboarding>;
