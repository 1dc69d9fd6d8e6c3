// Entra ID's endpoints as MSAL and token validators use them: OpenID metadata, JWKS, the v2 token
// endpoint (client credentials with a secret or a certificate), instance discovery, admin consent.
import { timingSafeEqual } from 'node:crypto';
import { EntraError, renderEntraError } from '../http/errors.js';
import { Router } from '../http/router.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxContext } from '../context.js';
import type { SandboxApp } from '../state/types.js';
import { ASSERTION_TYPE, verifyClientAssertion } from './assertion.js';
import { renderConsentPicker, grantAdminConsent } from './consent.js';
import {
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  TOKEN_LIFETIME_SECONDS,
  apiAppTokenClaims,
  graphAppTokenClaims,
  signToken,
  v2Issuer,
} from './tokens.js';

const GENERIC_TENANTS = new Set(['common', 'organizations', 'consumers']);

export function createEntraRouter(sandbox: SandboxContext): Router {
  const router = new Router();
  router.on('GET', '/:tenant/v2.0/.well-known/openid-configuration', (request) =>
    openIdConfiguration(sandbox, request),
  );
  router.on('GET', '/:tenant/discovery/v2.0/keys', (request) => jwks(sandbox, request));
  router.on('GET', '/:tenant/discovery/keys', (request) => jwks(sandbox, request));
  router.on('GET', '/common/discovery/instance', (request) => instanceDiscovery(request));
  router.on('POST', '/:tenant/oauth2/v2.0/token', (request) => token(sandbox, request));
  router.on('GET', '/:tenant/adminconsent', (request) => adminConsent(sandbox, request));
  router.on('GET', '/:tenant/v2.0/adminconsent', (request) => adminConsent(sandbox, request));
  return router;
}

/** A tenant segment names this tenant by id or by one of its verified domains. */
function resolveTenant(sandbox: SandboxContext, segment: string): string | null {
  const tenant = sandbox.tenant;
  if (segment.toLowerCase() === tenant.tenantId) return tenant.tenantId;
  const domain = tenant.domains.get(segment.toLowerCase());
  return domain?.isVerified ? tenant.tenantId : null;
}

function tenantNotFound(segment: string): EntraError {
  return new EntraError(
    400,
    'invalid_tenant',
    90002,
    `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  );
}

function openIdConfiguration(sandbox: SandboxContext, request: SandboxRequest): SandboxResponse {
  const segment = request.params.tenant!;
  const generic = GENERIC_TENANTS.has(segment.toLowerCase());
  const tenantId = generic ? '{tenantid}' : resolveTenant(sandbox, segment);
  if (!tenantId) return renderEntraError(tenantNotFound(segment));
  const origin = request.origin;
  const base = `${origin}/${generic ? segment : tenantId}`;
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=86400, private' },
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: v2Issuer(origin, tenantId),
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${origin}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'cloud_instance_name',
        'cloud_instance_host_name',
        'cloud_graph_host_name',
        'msgraph_host',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'at_hash',
        'c_hash',
        'email',
      ],
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'sandbox.local',
      cloud_graph_host_name: new URL(origin).host,
      msgraph_host: new URL(origin).host,
      rbac_url: origin,
    },
  };
}

function jwks(sandbox: SandboxContext, request: SandboxRequest): SandboxResponse {
  const segment = request.params.tenant!;
  const generic = GENERIC_TENANTS.has(segment.toLowerCase());
  const tenantId = generic ? '{tenantid}' : resolveTenant(sandbox, segment);
  if (!tenantId) return renderEntraError(tenantNotFound(segment));
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=86400, private' },
    body: sandbox.keys.jwks(v2Issuer(request.origin, tenantId)),
  };
}

function instanceDiscovery(request: SandboxRequest): SandboxResponse {
  const host = new URL(request.origin).host;
  const endpoint = request.query.get('authorization_endpoint');
  const tenant = endpoint ? (new URL(endpoint).pathname.split('/')[1] ?? 'common') : 'common';
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: {
      tenant_discovery_endpoint: `${request.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    },
  };
}

async function token(sandbox: SandboxContext, request: SandboxRequest): Promise<SandboxResponse> {
  try {
    return await issueToken(sandbox, request);
  } catch (error) {
    if (error instanceof EntraError) return renderEntraError(error);
    throw error;
  }
}

async function issueToken(sandbox: SandboxContext, request: SandboxRequest): Promise<SandboxResponse> {
  const segment = request.params.tenant!;
  const tenantId = resolveTenant(sandbox, segment);
  if (!tenantId) throw tenantNotFound(segment);
  if (request.bodyError || !request.body || typeof request.body !== 'object')
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  const form = request.body as Record<string, string | undefined>;
  const basic = parseBasicAuth(request.headers.authorization);
  const clientId = form.client_id ?? basic?.clientId;
  if (form.grant_type !== 'client_credentials')
    throw new EntraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`,
    );
  if (!clientId)
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  const tenant = sandbox.tenant;
  const app = tenant.apps.get(clientId);
  if (!app)
    throw new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );

  const tokenEndpoint = `${request.origin}/${segment}/oauth2/v2.0/token`;
  const viaCertificate = await authenticateClient(app, form, basic, tokenEndpoint, request.origin, tenantId);
  const resource = resolveScope(sandbox, form.scope);
  const claims =
    resource === 'graph'
      ? graphAppTokenClaims(tenant, app, viaCertificate)
      : apiAppTokenClaims(
          request.origin,
          tenant,
          app,
          resource,
          app.apiRoles[resource.clientId] ?? [],
          viaCertificate,
        );
  const accessToken = await signToken(sandbox.keys, claims);
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache' },
    body: {
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    },
  };
}

/** Checks the client's secret or certificate assertion; true when a certificate was used. */
async function authenticateClient(
  app: SandboxApp,
  form: Record<string, string | undefined>,
  basic: { clientId: string; secret: string } | null,
  tokenEndpoint: string,
  origin: string,
  tenantId: string,
): Promise<boolean> {
  if (form.client_assertion_type || form.client_assertion) {
    if (form.client_assertion_type !== ASSERTION_TYPE || !form.client_assertion)
      throw new EntraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
    // Entra accepts the assertion's audience as either form of the token endpoint.
    const endpoints = [tokenEndpoint, `${origin}/${tenantId}/oauth2/v2.0/token`];
    let lastError: unknown;
    for (const endpoint of endpoints) {
      try {
        await verifyClientAssertion(app, form.client_assertion, endpoint);
        return true;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }
  const secret = form.client_secret ?? basic?.secret;
  if (!secret)
    throw new EntraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (!app.secrets.some((known) => safeEqual(known, secret)))
    throw new EntraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    );
  return false;
}

/** Client credentials need exactly one resource with the /.default suffix. */
function resolveScope(sandbox: SandboxContext, scope: string | undefined): 'graph' | SandboxApp {
  const scopes = (scope ?? '')
    .split(/\s+/)
    .filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s));
  const value = scopes[0] ?? '';
  if (scopes.length !== 1 || !value.endsWith('/.default'))
    throw new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  const resource = value.slice(0, -'/.default'.length);
  if (resource === GRAPH_RESOURCE || resource === GRAPH_APP_ID) return 'graph';
  for (const app of sandbox.tenant.apps.values()) {
    if (app.clientId === resource || (app.identifierUri && app.identifierUri === resource)) return app;
  }
  throw new EntraError(
    400,
    'invalid_resource',
    500011,
    `The resource principal named ${resource} was not found in the tenant named ${sandbox.tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  );
}

function parseBasicAuth(header: string | undefined): { clientId: string; secret: string } | null {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function adminConsent(sandbox: SandboxContext, request: SandboxRequest): SandboxResponse {
  const segment = request.params.tenant!;
  const tenantId = GENERIC_TENANTS.has(segment.toLowerCase())
    ? sandbox.tenant.tenantId
    : resolveTenant(sandbox, segment);
  if (!tenantId) return renderEntraError(tenantNotFound(segment));
  const loginHint = request.query.get('login_hint');
  if (!loginHint) return renderConsentPicker(sandbox, request);
  return grantAdminConsent(sandbox, request, loginHint);
}
