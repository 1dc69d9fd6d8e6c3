// Every Graph request, top-level or inside $batch, goes through here: routing, authentication,
// permission checks, fault injection, mailbox resolution and Exchange's per-mailbox throttling.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphError, renderGraphError } from '../http/errors.js';
import { Router } from '../http/router.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxContext } from '../context.js';
import { injectedLatency, retryAfterHeader } from '../faults/faults.js';
import { GraphAuthenticator } from './authenticate.js';
import { MAILBOX_SEGMENTS, type GraphContext, type GraphRoute, type PreferOptions } from './registry.js';
import type { SandboxUser } from '../state/types.js';

export type GraphDispatch = (request: SandboxRequest) => Promise<SandboxResponse | 'drop'>;

interface RouteEntry {
  route: GraphRoute;
  mailboxRoute: boolean;
}

export function createGraphDispatcher(sandbox: SandboxContext, routes: GraphRoute[]): GraphDispatch {
  const router = new Router();
  const entries = new Map<string, RouteEntry>();
  for (const route of routes) {
    for (const version of route.versions ?? ['v1.0']) {
      const pattern = `/${version}${route.path}`;
      const segment = /^\/users\/:[^/]+\/([^/]+)/.exec(route.path)?.[1]?.toLowerCase();
      entries.set(`${route.method} ${pattern}`, {
        route,
        mailboxRoute: !!segment && MAILBOX_SEGMENTS.has(segment),
      });
      router.on(route.method, pattern, () => ({ status: 500 }));
    }
  }
  const authenticator = new GraphAuthenticator(sandbox);

  const dispatch: GraphDispatch = async (request) => {
    const requestId = randomUUID();
    const clientRequestId = request.headers['client-request-id'] ?? requestId;
    const baseHeaders = {
      'request-id': requestId,
      'client-request-id': clientRequestId,
      'x-ms-ags-diagnostic': JSON.stringify({
        ServerInfo: {
          DataCenter: 'Sandbox',
          Slice: 'E',
          Ring: '0',
          ScaleUnit: '000',
          RoleInstance: 'SANDBOX',
        },
      }),
    };
    sandbox.stats.graphRequests += 1;
    let release: (() => void) | null = null;
    try {
      const match = router.find(request.method, request.path);
      if (!match) throw unknownPath(request, router);
      const entry = entries.get(`${request.method} ${match.pattern}`)!;
      sandbox.stats.countEndpoint(request.method, match.pattern);
      request.params = match.params;

      const caller = authenticator.authenticate(request.headers.authorization);
      const { route } = entry;
      if (route.permissions.length && !route.permissions.some((p) => caller.roles.has(p))) {
        throw entry.mailboxRoute
          ? new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.')
          : new GraphError(
              403,
              'Authorization_RequestDenied',
              'Insufficient privileges to complete the operation.',
            );
      }
      const faults = sandbox.faults;
      const injected = !route.frontEnd;
      if (injected && faults.dropRate > 0 && Math.random() < faults.dropRate) {
        sandbox.stats.droppedConnections += 1;
        return 'drop';
      }
      if (injected && faults.errorRate > 0 && Math.random() < faults.errorRate) {
        sandbox.stats.injectedErrors += 1;
        throw Math.random() < 0.5
          ? new GraphError(
              503,
              'ServiceUnavailable',
              'The service is temporarily unavailable. Please try again later.',
              retryAfterHeader(faults),
            )
          : new GraphError(504, 'GatewayTimeout', 'The gateway did not receive a response in time.');
      }

      const context: GraphContext = {
        sandbox,
        caller,
        prefer: parsePrefer(request.headers.prefer),
        requestId,
        baseUrl: `${request.origin}/${request.path.split('/')[1]}`,
        mailboxOwner: null,
        mailbox: null,
        dispatch,
      };
      if (entry.mailboxRoute) {
        const owner = resolveMailboxOwner(sandbox, request.params.userId ?? '');
        release = admit(sandbox, caller.app.clientId, owner);
        context.mailboxOwner = owner;
        context.mailbox = sandbox.tenant.mailbox(owner.id);
      }
      const latency = injected ? injectedLatency(faults) : 0;
      if (latency > 0) await sleep(latency);
      const response = await route.handler(request, context);
      return withHeaders(response, baseHeaders, context.prefer);
    } catch (error) {
      if (error instanceof GraphError) {
        if (error.status === 429) sandbox.stats.throttled += 1;
        return withHeaders(renderGraphError(error, requestId, clientRequestId), baseHeaders, null);
      }
      const failure = renderGraphError(
        new GraphError(500, 'InternalServerError', 'An internal server error occurred in the sandbox.'),
        requestId,
        clientRequestId,
      );
      (failure as { detail?: unknown }).detail = error;
      return withHeaders(failure, baseHeaders, null);
    } finally {
      release?.();
    }
  };
  return dispatch;
}

function resolveMailboxOwner(sandbox: SandboxContext, idOrUpn: string): SandboxUser {
  const user = sandbox.tenant.findUser(idOrUpn);
  if (!user) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${idOrUpn}' is invalid.`);
  if (!sandbox.tenant.hasMailbox(user.id))
    throw new GraphError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    );
  const scope = sandbox.faults.accessScope;
  if (scope) {
    const allowed = scope.some((entry) => {
      const scoped = sandbox.tenant.findUser(entry);
      return scoped?.id === user.id;
    });
    if (!allowed)
      throw new GraphError(
        403,
        'ErrorAccessDenied',
        'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      );
  }
  return user;
}

/** Exchange's per-app per-mailbox limits, plus any injected throttling storm. */
function admit(sandbox: SandboxContext, appId: string, owner: SandboxUser): () => void {
  const faults = sandbox.faults;
  if (faults.throttleRate > 0 && Math.random() < faults.throttleRate)
    throw new GraphError(
      429,
      'ApplicationThrottled',
      'Application is over its MailboxConcurrency limit.',
      retryAfterHeader(faults),
    );
  const admission = sandbox.limiter.admit(appId, owner.id, faults.throttle.enabled ? faults.throttle : null);
  if (!admission.admitted) {
    const message =
      admission.reason === 'concurrency'
        ? 'Application is over its MailboxConcurrency limit.'
        : 'Application is over its MailboxRequests limit.';
    throw new GraphError(429, 'ApplicationThrottled', message, retryAfterHeader(faults));
  }
  return admission.release;
}

function unknownPath(request: SandboxRequest, router: Router): GraphError {
  if (router.hasPath(request.path))
    return new GraphError(
      405,
      'Request_BadRequest',
      `The HTTP method '${request.method}' is not allowed on this resource.`,
    );
  const segments = request.path.split('/').filter(Boolean);
  const version = segments[0];
  if (version !== 'v1.0' && version !== 'beta')
    return new GraphError(400, 'BadRequest', `Invalid version: ${version ?? ''}`);
  return new GraphError(
    400,
    'BadRequest',
    `Resource not found for the segment '${segments[segments.length - 1] ?? ''}'.`,
  );
}

export function parsePrefer(header: string | undefined): PreferOptions {
  const prefer: PreferOptions = { immutableId: false, bodyContentType: null, maxPageSize: null };
  if (!header) return prefer;
  for (const part of header.split(',')) {
    const [rawName, rawValue] = part.split('=').map((s) => s.trim());
    const name = rawName?.toLowerCase();
    const value = rawValue?.replace(/^"|"$/g, '');
    if (name === 'idtype' && value?.toLowerCase() === 'immutableid') prefer.immutableId = true;
    else if (name === 'outlook.body-content-type' && (value === 'text' || value === 'html'))
      prefer.bodyContentType = value;
    else if (name === 'odata.maxpagesize' && value && /^\d+$/.test(value)) prefer.maxPageSize = Number(value);
  }
  return prefer;
}

function withHeaders(
  response: SandboxResponse,
  base: Record<string, string>,
  prefer: PreferOptions | null,
): SandboxResponse {
  const applied: string[] = [];
  if (prefer?.immutableId) applied.push('IdType="ImmutableId"');
  if (prefer?.bodyContentType) applied.push(`outlook.body-content-type="${prefer.bodyContentType}"`);
  if (prefer?.maxPageSize) applied.push(`odata.maxpagesize=${prefer.maxPageSize}`);
  return {
    ...response,
    headers: {
      ...base,
      ...(applied.length ? { 'preference-applied': applied.join(',') } : {}),
      ...response.headers,
    },
  };
}
