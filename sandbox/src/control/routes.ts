// The control plane under /_sandbox: how tests and `npm start` configure and inspect the sandbox.
// JSON in and out; never shares a path with Graph or Entra.
import { Router } from '../http/router.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxContext } from '../context.js';
import { certificateCredential } from '../entra/assertion.js';
import { HOST_CLIENT_IDS, signToken, userTokenClaims, TOKEN_LIFETIME_SECONDS } from '../entra/tokens.js';
import { defaultFaults, faultProblems, mergeFaults, type FaultConfig } from '../faults/faults.js';
import { copiesOf, deliver } from '../state/mail.js';
import { AUTOMATION_APP, DEMO_DOMAIN } from '../state/seed.js';
import {
  ControlError,
  bodyOf,
  onlyKeys,
  optionalInteger,
  optionalString,
  requiredString,
  stringList,
} from './validate.js';
import { directoryControlRoutes } from './directory.js';
import { calendarControlRoutes } from './calendar.js';

export interface ControlHooks {
  /** Replaces the tenant; answers the reset summary. */
  reset: (options: {
    seed?: number;
    users?: number;
    groups?: number;
    mailPerUser?: number;
  }) => SandboxResponse;
  /** Who is in the tenant (named demo people with their roles). */
  summary: () => unknown;
  /** Fault configuration given at start, restored by reset. */
  startFaults: FaultConfig;
}

type ControlHandler = (
  request: SandboxRequest,
  body: Record<string, unknown>,
) => SandboxResponse | Promise<SandboxResponse>;

export function ok(body: unknown, status = 200): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

export function createControlRouter(sandbox: SandboxContext, hooks: ControlHooks): Router {
  const router = new Router();
  const on = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, handler: ControlHandler) =>
    router.on(method, `/_sandbox${path}`, async (request) => {
      try {
        if (request.bodyError) throw new ControlError(400, request.bodyError);
        return await handler(request, bodyOf(request.body));
      } catch (error) {
        if (error instanceof ControlError)
          return {
            status: error.status,
            headers: { 'content-type': 'application/json' },
            body: { error: { code: 'invalidRequest', message: error.message } },
          };
        throw error;
      }
    });

  on('GET', '/app', (request) => ok(appDescription(sandbox, request.origin)));
  on('GET', '/tenant', () => ok(hooks.summary()));
  on('PUT', '/app', (_request, body) => {
    onlyKeys(body, ['permissions']);
    const permissions = stringList(body, 'permissions', true)!;
    const app = sandbox.tenant.apps.get(sandbox.clawbackApp.clientId)!;
    app.grantedPermissions = new Set(permissions);
    return ok(appDescription(sandbox, _request.origin));
  });
  on('POST', '/app/certificates', (_request, body) => {
    onlyKeys(body, ['certificatePem', 'clientId']);
    const clientId = optionalString(body, 'clientId') ?? sandbox.clawbackApp.clientId;
    const app = sandbox.tenant.apps.get(clientId);
    if (!app) throw new ControlError(404, `no app '${clientId}'`);
    let credential;
    try {
      credential = certificateCredential(requiredString(body, 'certificatePem'));
    } catch (error) {
      if (error instanceof ControlError) throw error;
      throw new ControlError(400, "'certificatePem' is not a PEM certificate");
    }
    app.certificates.push(credential);
    return ok({ clientId, x5t: credential.x5t, x5tS256: credential.x5tS256 }, 201);
  });

  on('POST', '/reset', (_request, body) => {
    onlyKeys(body, ['seed', 'users', 'groups', 'mailPerUser']);
    const options = {
      seed: optionalInteger(body, 'seed', 0, 2 ** 31),
      users: optionalInteger(body, 'users', 0, 100_000),
      groups: optionalInteger(body, 'groups', 0, 20_000),
      mailPerUser: optionalInteger(body, 'mailPerUser', 0, 1000),
    };
    sandbox.faults = structuredClone(hooks.startFaults);
    sandbox.stats.reset();
    sandbox.limiter.reset();
    return hooks.reset(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
  });

  on('POST', '/token', async (request, body) => {
    onlyKeys(body, ['user', 'client']);
    const user = sandbox.tenant.findUser(requiredString(body, 'user'));
    if (!user) throw new ControlError(404, `no user '${String(body.user)}' in the tenant`);
    if (!user.accountEnabled) throw new ControlError(400, 'AADSTS50057: The user account is disabled.');
    const client = optionalString(body, 'client') ?? 'outlook';
    const clientIds: Record<string, string> = {
      outlook: sandbox.clawbackApp.clientId,
      teams: HOST_CLIENT_IDS.teamsWeb,
      office: HOST_CLIENT_IDS.officeWeb,
    };
    const clientId = clientIds[client];
    if (!clientId) throw new ControlError(400, "'client' must be 'outlook', 'teams' or 'office'");
    const api = sandbox.tenant.apps.get(sandbox.clawbackApp.clientId)!;
    const token = await signToken(
      sandbox.keys,
      userTokenClaims(request.origin, sandbox.tenant, user, api, clientId),
    );
    return ok({ access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
  });
  on('POST', '/sign', async (_request, body) => {
    onlyKeys(body, ['claims', 'header']);
    if (!body.claims || typeof body.claims !== 'object')
      throw new ControlError(400, "'claims' must be an object");
    const header =
      body.header && typeof body.header === 'object' ? (body.header as Record<string, unknown>) : {};
    return ok({ token: await signToken(sandbox.keys, body.claims as Record<string, unknown>, header) });
  });
  on('POST', '/keys/rotate', (_request, body) => {
    onlyKeys(body, ['retainPrevious']);
    const key = sandbox.keys.rotate(body.retainPrevious !== false);
    return ok({ kid: key.kid });
  });

  on('POST', '/deliver', (_request, body) => ok(deliverFromBody(sandbox, body), 201));
  on('GET', '/messages', (request) => {
    const id = request.query.get('internetMessageId');
    if (!id) throw new ControlError(400, "'internetMessageId' is required");
    return ok(
      copiesOf(sandbox.tenant, id).map(({ mailbox, folder, id: copyId, isRead }) => ({
        mailbox,
        folder,
        id: copyId,
        isRead,
      })),
    );
  });

  on('GET', '/faults', () => ok(sandbox.faults));
  on('PUT', '/faults', (_request, body) => {
    const problems = faultProblems(body);
    if (problems.length) throw new ControlError(400, problems.join('; '));
    sandbox.faults = mergeFaults(sandbox.faults, body as Partial<FaultConfig>);
    return ok(sandbox.faults);
  });
  on('DELETE', '/faults', () => {
    sandbox.faults = defaultFaults();
    return ok(sandbox.faults);
  });

  on('GET', '/stats', () =>
    ok(
      sandbox.stats.snapshot(
        sandbox.limiter.peakConcurrency,
        (id) => sandbox.tenant.users.get(id)?.userPrincipalName ?? id,
      ),
    ),
  );
  on('POST', '/stats/reset', () => {
    sandbox.stats.reset();
    sandbox.limiter.peakConcurrency.clear();
    return ok({ reset: true });
  });

  for (const route of directoryControlRoutes(sandbox)) on(route.method, route.path, route.handler);
  for (const route of calendarControlRoutes(sandbox)) on(route.method, route.path, route.handler);
  return router;
}

export function appDescription(sandbox: SandboxContext, origin: string) {
  const tenant = sandbox.tenant;
  const app = tenant.apps.get(sandbox.clawbackApp.clientId)!;
  return {
    tenantId: tenant.tenantId,
    domain: DEMO_DOMAIN,
    clientId: app.clientId,
    clientSecret: sandbox.clawbackApp.clientSecret,
    apiIdentifierUri: app.identifierUri,
    authority: `${origin}/${tenant.tenantId}`,
    graphBaseUrl: `${origin}/v1.0`,
    caCertPath: sandbox.caCertPath,
    permissions: [...app.grantedPermissions].sort(),
    requiredPermissions: app.requiredPermissions,
    consent: app.consent,
    automation: AUTOMATION_APP,
  };
}

function deliverFromBody(sandbox: SandboxContext, body: Record<string, unknown>) {
  onlyKeys(body, [
    'from',
    'to',
    'cc',
    'bcc',
    'subject',
    'body',
    'bodyType',
    'internetMessageId',
    'attachments',
    'headers',
    'receivedDateTime',
    'replyTo',
    'folder',
    'keepSentCopy',
  ]);
  const fromValue = body.from;
  const from =
    typeof fromValue === 'string'
      ? { name: sandbox.tenant.findUser(fromValue)?.displayName ?? fromValue, address: fromValue }
      : fromValue &&
          typeof fromValue === 'object' &&
          typeof (fromValue as { address?: unknown }).address === 'string'
        ? {
            name: String(
              (fromValue as { name?: unknown }).name ?? (fromValue as { address: string }).address,
            ),
            address: (fromValue as { address: string }).address,
          }
        : null;
  if (!from) throw new ControlError(400, "'from' must be an address or { name, address }");
  const to = stringList(body, 'to', true)!;
  const attachments = Array.isArray(body.attachments)
    ? body.attachments
    : body.attachments === undefined
      ? []
      : null;
  if (!attachments) throw new ControlError(400, "'attachments' must be a list");
  const internetMessageId = optionalString(body, 'internetMessageId');
  if (internetMessageId && !/^<[\x21-\x7e]+>$/.test(internetMessageId))
    throw new ControlError(400, "'internetMessageId' must look like <local@domain>");
  const result = deliver(sandbox.tenant, {
    from,
    to,
    cc: stringList(body, 'cc'),
    bcc: stringList(body, 'bcc'),
    subject: requiredString(body, 'subject'),
    body: typeof body.body === 'string' ? body.body : '',
    bodyType: body.bodyType === 'text' ? 'text' : 'html',
    internetMessageId,
    receivedDateTime: optionalString(body, 'receivedDateTime'),
    folder: optionalString(body, 'folder'),
    keepSentCopy: body.keepSentCopy === true,
    replyTo: stringList(body, 'replyTo')?.map((address) => ({ name: address, address })),
    extraHeaders: Array.isArray(body.headers)
      ? (body.headers as { name: string; value: string }[])
      : undefined,
    attachments: attachments.map((a, index) => {
      const item = a as {
        name?: unknown;
        contentType?: unknown;
        contentBase64?: unknown;
        isInline?: unknown;
      };
      if (typeof item.name !== 'string' || typeof item.contentBase64 !== 'string')
        throw new ControlError(400, `attachments[${index}] needs 'name' and 'contentBase64'`);
      return {
        name: item.name,
        contentType: typeof item.contentType === 'string' ? item.contentType : 'application/octet-stream',
        content: Buffer.from(item.contentBase64, 'base64'),
        isInline: item.isInline === true,
      };
    }),
  });
  if (result.copies.length === 0) throw new ControlError(400, 'no recipient has a mailbox in the tenant');
  return {
    internetMessageId: result.internetMessageId,
    copies: result.copies.map(({ mailbox, id }) => ({ mailbox, id })),
  };
}
