// Access tokens with Entra's claim sets: v1 tokens for Microsoft Graph (as Graph receives them from
// the client-credentials flow) and v2 tokens for the Clawback API (delegated or app-only).
import { SignJWT, type JWTPayload } from 'jose';
import type { TenantState } from '../state/tenant.js';
import type { SandboxApp, SandboxUser } from '../state/types.js';
import type { KeyRing } from './keys.js';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const DEFAULT_USER_ROLE_TEMPLATE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
export const TOKEN_LIFETIME_SECONDS = 3599;

/** Client ids that obtain delegated tokens for the API on a user's behalf. */
export const HOST_CLIENT_IDS = {
  teamsWeb: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  teamsDesktop: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  officeWeb: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
} as const;

export interface Issuers {
  /** Origin the sandbox is reached at, e.g. https://localhost:4443. */
  origin: string;
}

export function v2Issuer(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

/** Graph's tokens carry the v1 issuer form, as real Graph tokens do. */
export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export async function signToken(
  keys: KeyRing,
  claims: JWTPayload,
  header: Record<string, unknown> = {},
): Promise<string> {
  const key = keys.active;
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', ...header, alg: 'RS256', kid: key.kid, x5t: key.kid })
    .sign(key.privateKey);
}

function lifetime(): { iat: number; nbf: number; exp: number } {
  const now = Math.floor(Date.now() / 1000);
  return { iat: now, nbf: now, exp: now + TOKEN_LIFETIME_SECONDS };
}

export function graphAppTokenClaims(
  tenant: TenantState,
  app: SandboxApp,
  viaCertificate: boolean,
): JWTPayload {
  return {
    aud: GRAPH_RESOURCE,
    iss: v1Issuer(tenant.tenantId),
    ...lifetime(),
    aio: tenant.random.bytes(24).toString('base64'),
    app_displayname: app.displayName,
    appid: app.clientId,
    appidacr: viaCertificate ? '2' : '1',
    idp: v1Issuer(tenant.tenantId),
    idtyp: 'app',
    oid: app.servicePrincipalId,
    rh: '0.sandbox.',
    roles: [...app.grantedPermissions].sort(),
    sub: app.servicePrincipalId,
    tenant_region_scope: 'EU',
    tid: tenant.tenantId,
    uti: tenant.random.bytes(16).toString('base64url'),
    ver: '1.0',
    wids: ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'],
    xms_tcdt: 1600000000,
  };
}

/** An app-only v2 token for an API the tenant exposes (automation calling Clawback). */
export function apiAppTokenClaims(
  origin: string,
  tenant: TenantState,
  caller: SandboxApp,
  api: SandboxApp,
  roles: string[],
  viaCertificate: boolean,
): JWTPayload {
  return {
    aud: api.clientId,
    iss: v2Issuer(origin, tenant.tenantId),
    ...lifetime(),
    azp: caller.clientId,
    azpacr: viaCertificate ? '2' : '1',
    idtyp: 'app',
    oid: caller.servicePrincipalId,
    rh: '0.sandbox.',
    roles,
    sub: caller.servicePrincipalId,
    tid: tenant.tenantId,
    uti: tenant.random.bytes(16).toString('base64url'),
    ver: '2.0',
  };
}

/** A delegated v2 token for the API, as Outlook (NAA) or Teams SSO obtain one for a signed-in user. */
export function userTokenClaims(
  origin: string,
  tenant: TenantState,
  user: SandboxUser,
  api: SandboxApp,
  clientId: string,
): JWTPayload {
  const wids = [
    ...new Set([...tenant.rolesOf(user.id).map((r) => r.roleTemplateId), DEFAULT_USER_ROLE_TEMPLATE]),
  ];
  const claims: JWTPayload = {
    aud: api.clientId,
    iss: v2Issuer(origin, tenant.tenantId),
    ...lifetime(),
    aio: tenant.random.bytes(24).toString('base64'),
    azp: clientId,
    azpacr: '0',
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    rh: '0.sandbox.',
    scp: 'access_as_user',
    sid: tenant.random.guid(),
    sub: tenant.random.bytes(32).toString('base64url').slice(0, 43),
    tid: tenant.tenantId,
    uti: tenant.random.bytes(16).toString('base64url'),
    ver: '2.0',
    wids,
  };
  if (user.userType === 'Guest') {
    claims.acct = 1;
    claims.idp = 'https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/';
  }
  return claims;
}
