// Authorizations per function (seed 001: "Authorize mail access", "Directory scanning"): the state
// read from a fresh token of the function's app (its `roles` are what the tenant actually granted),
// and the admin-consent round trip that grants them. The round trip's state parameter is random,
// stored hashed, single use and short-lived; the callback records who started it and when it came
// back, and audits both outcomes.
import { createHash, randomBytes } from 'node:crypto';
import { FEATURE_PERMISSIONS, missingPermissions, type AuthorizationView } from '@clawback/shared';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuditInput } from '../audit/audit-repository.js';
import type { AppFunction, Config } from '../config/config.js';
import type { GraphGateway } from '../graph/gateway.js';
import { problems } from '../http/problem.js';
import type { AuthorizationRepository } from './authorization-repository.js';
import { APP_FUNCTION_LIST, type FunctionApps } from './function-apps.js';

const STATE_TTL_MS = 15 * 60_000;
/** Cached tokens older than this are refreshed before an authorization state is shown. */
const GRANT_MAX_AGE_MS = 60_000;

export const CONSENT_CALLBACK_PATH = '/api/v1/directory/consent/callback';

export type RequestContext = Pick<AuditInput, 'requestId' | 'ip'>;

export interface ConsentStarter {
  oid: string;
  upn: string | null;
}

export interface ConsentCallback {
  state?: string;
  admin_consent?: string;
  tenant?: string;
  error?: string;
  error_subcode?: string;
  error_description?: string;
}

const hashOf = (state: string) => createHash('sha256').update(state).digest('hex');

function evaluate(fn: AppFunction, roles: string[]) {
  const feature = missingPermissions(roles).find((f) => f.feature === fn)!;
  const wanted = FEATURE_PERMISSIONS.find((f) => f.feature === fn)!.permissions;
  const covered = wanted.filter(
    (p) => roles.includes(p.permission) || (p.alternatives ?? []).some((a) => roles.includes(a)),
  ).length;
  const state =
    covered === 0 ? 'notAuthorized' : feature.missing.length ? 'missingPermissions' : 'authorized';
  return { state, required: feature.required, missing: feature.missing } as const;
}

export function createAuthorizations(deps: {
  config: Config;
  apps: FunctionApps;
  repository: AuthorizationRepository;
  audit: AuditLog;
}) {
  const { config, apps, repository, audit } = deps;
  const checkedAt = new Map<GraphGateway, number>();

  /** Roles per gateway, one token request each however many functions share it. */
  async function rolesOf(fresh: boolean) {
    const seen = new Map<GraphGateway, Promise<{ roles: string[]; error: string | null }>>();
    for (const fn of APP_FUNCTION_LIST) {
      const gateway = apps.gateway(fn);
      if (seen.has(gateway)) continue;
      const refresh = fresh || Date.now() - (checkedAt.get(gateway) ?? 0) > GRANT_MAX_AGE_MS;
      if (refresh) checkedAt.set(gateway, Date.now());
      seen.set(
        gateway,
        gateway.token(refresh).then(
          (token) => ({ roles: [...token.roles].sort(), error: null }),
          (error: unknown) => ({ roles: [], error: error instanceof Error ? error.message : String(error) }),
        ),
      );
    }
    return (fn: AppFunction) => seen.get(apps.gateway(fn))!;
  }

  async function states(tenantId: string, options: { fresh: boolean }): Promise<AuthorizationView[]> {
    const [roles, records] = await Promise.all([rolesOf(options.fresh), repository.all(tenantId)]);
    return Promise.all(
      APP_FUNCTION_LIST.map(async (fn) => {
        const token = await roles(fn);
        const record = records.find((r) => r.function === fn);
        return {
          function: fn,
          clientId: apps.clientId(fn),
          ...evaluate(fn, token.roles),
          granted: token.roles,
          consentedAt: record?.consentedAt?.toISOString() ?? null,
          consentedBy: record?.consentedByName ?? record?.consentedBy ?? null,
          lastError: token.error ?? record?.lastError ?? null,
          lastErrorAt: token.error ? new Date().toISOString() : (record?.lastErrorAt?.toISOString() ?? null),
        };
      }),
    );
  }

  return {
    states,

    /** Whether every given function is fully authorized (`fresh` for decisions, not displays). */
    async authorized(tenantId: string, fns: AppFunction[], options = { fresh: false }): Promise<boolean> {
      const all = await states(tenantId, options);
      return fns.every((fn) => all.find((s) => s.function === fn)?.state === 'authorized');
    },

    async start(
      tenantId: string,
      fn: AppFunction,
      starter: ConsentStarter,
      options: { loginHint?: string; publicBase: string; request: RequestContext },
    ): Promise<{ url: string; expiresAt: string }> {
      const state = randomBytes(32).toString('base64url');
      const now = new Date();
      const expiresAt = new Date(now.getTime() + STATE_TTL_MS);
      const clientId = apps.clientId(fn);
      await repository.createState({
        stateHash: hashOf(state),
        tenantId,
        function: fn,
        clientId,
        startedBy: starter.oid,
        startedByName: starter.upn,
        loginHint: options.loginHint ?? null,
        createdAt: now,
        expiresAt,
      });
      const query = new URLSearchParams({
        client_id: clientId,
        redirect_uri: `${options.publicBase}${CONSENT_CALLBACK_PATH}`,
        state,
        ...(options.loginHint ? { login_hint: options.loginHint } : {}),
      });
      await audit.record({
        tenantId,
        actorType: 'user',
        actorId: starter.oid,
        actorName: starter.upn,
        action: 'directory.authorization.started',
        targetType: 'appFunction',
        targetId: fn,
        outcome: 'success',
        details: { clientId, loginHint: options.loginHint ?? null },
        ...options.request,
      });
      return { url: `${config.authority}/adminconsent?${query}`, expiresAt: expiresAt.toISOString() };
    },

    /** Entra's redirect back: records and audits the outcome; throws for a bad or reused state. */
    async complete(
      query: ConsentCallback,
      request: RequestContext,
    ): Promise<{ fn: AppFunction; granted: boolean }> {
      const pending = query.state ? await repository.consumeState(hashOf(query.state)) : null;
      if (!pending) {
        await audit.record({
          tenantId: config.tenantId,
          actorType: 'anonymous',
          action: 'directory.authorization.invalidState',
          outcome: 'denied',
          details: { hasState: !!query.state, error: query.error ?? null },
          ...request,
        });
        throw problems.badRequest('this consent response is unknown, expired or already used; start again');
      }
      const fn = pending.function as AppFunction;
      const actor = {
        tenantId: pending.tenantId,
        actorType: 'user' as const,
        actorId: pending.startedBy,
        actorName: pending.startedByName,
        targetType: 'appFunction',
        targetId: fn,
        ...request,
      };
      const accepted =
        query.admin_consent?.toLowerCase() === 'true' &&
        !query.error &&
        query.tenant?.toLowerCase() === pending.tenantId.toLowerCase();
      if (!accepted) {
        const error = query.error ?? (query.admin_consent ? 'tenant_mismatch' : 'no_consent');
        const message = [error, query.error_description].filter(Boolean).join(': ').slice(0, 2000);
        await repository.save(pending.tenantId, fn, {
          clientId: pending.clientId,
          lastError: message,
          lastErrorAt: new Date(),
        });
        await audit.record({
          ...actor,
          action: 'directory.authorization.denied',
          outcome: 'denied',
          details: { error, errorSubcode: query.error_subcode ?? null, loginHint: pending.loginHint },
        });
        return { fn, granted: false };
      }
      // Entra said yes; what it granted shows in a fresh token (it may lag a little behind).
      const token = await apps
        .gateway(fn)
        .token(true)
        .then((info) => ({ roles: [...info.roles].sort(), error: null }))
        .catch((error: unknown) => ({ roles: [] as string[], error: String(error).slice(0, 2000) }));
      const granted = token.roles;
      await repository.save(pending.tenantId, fn, {
        clientId: pending.clientId,
        consentedAt: new Date(),
        consentedBy: pending.startedBy,
        consentedByName: pending.startedByName,
        loginHint: pending.loginHint,
        granted,
        lastError: token.error,
        lastErrorAt: token.error ? new Date() : null,
      });
      await audit.record({
        ...actor,
        action: 'directory.authorization.granted',
        outcome: 'success',
        details: { clientId: pending.clientId, granted, loginHint: pending.loginHint },
      });
      return { fn, granted: true };
    },
  };
}

export type Authorizations = ReturnType<typeof createAuthorizations>;
