// Admin consent as /{tenant}/adminconsent does it, minus the interactive sign-in: the sandbox asks
// which demo user is consenting (login_hint), then grants the app's requested application
// permissions only when that user is a Privileged Role Administrator or Global Administrator.
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxContext } from '../context.js';
import { ROLE_TEMPLATES } from '../state/roles.js';

const CONSENTING_ROLES = new Set<string>([
  ROLE_TEMPLATES.privilegedRoleAdministrator,
  ROLE_TEMPLATES.globalAdministrator,
]);

function htmlPage(status: number, title: string, body: string): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}a{display:block;margin:.4rem 0}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function checkClient(sandbox: SandboxContext, request: SandboxRequest): SandboxResponse | null {
  const clientId = request.query.get('client_id') ?? '';
  const app = sandbox.tenant.apps.get(clientId);
  if (!app)
    return htmlPage(
      400,
      'Sign in error',
      `<p>AADSTS700016: Application with identifier '${escapeHtml(clientId)}' was not found in the directory.</p>`,
    );
  const redirectUri = request.query.get('redirect_uri');
  if (!redirectUri || !app.redirectUris.some((prefix) => redirectUri.startsWith(prefix)))
    return htmlPage(
      400,
      'Sign in error',
      `<p>AADSTS50011: The redirect URI '${escapeHtml(redirectUri ?? '')}' specified in the request does not match the redirect URIs configured for the application '${escapeHtml(clientId)}'.</p>`,
    );
  return null;
}

export function renderConsentPicker(sandbox: SandboxContext, request: SandboxRequest): SandboxResponse {
  const problem = checkClient(sandbox, request);
  if (problem) return problem;
  const app = sandbox.tenant.apps.get(request.query.get('client_id')!)!;
  const links = [...sandbox.tenant.users.values()]
    .filter(
      (user) =>
        user.userType === 'Member' &&
        user.mailboxType === 'user' &&
        sandbox.tenant.rolesOf(user.id).length > 0,
    )
    .map((user) => {
      const query = new URLSearchParams(request.query);
      query.set('login_hint', user.userPrincipalName);
      const roles = sandbox.tenant
        .rolesOf(user.id)
        .map((r) => r.displayName)
        .join(', ');
      return `<a href="?${escapeHtml(query.toString())}">${escapeHtml(user.displayName)} (${escapeHtml(user.userPrincipalName)}) — ${escapeHtml(roles)}</a>`;
    })
    .join('\n');
  const permissions = app.requiredPermissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return htmlPage(
    200,
    `Permissions requested: ${app.displayName}`,
    `<p>This app would like these application permissions:</p><ul>${permissions}</ul><p>Sign in as an administrator to accept for your organisation:</p>${links}`,
  );
}

export function grantAdminConsent(
  sandbox: SandboxContext,
  request: SandboxRequest,
  loginHint: string,
): SandboxResponse {
  const problem = checkClient(sandbox, request);
  if (problem) return problem;
  const tenant = sandbox.tenant;
  const app = tenant.apps.get(request.query.get('client_id')!)!;
  const redirect = new URL(request.query.get('redirect_uri')!);
  const state = request.query.get('state');
  if (state !== null) redirect.searchParams.set('state', state);
  const user = tenant.findUser(loginHint);
  const allowed = !!user && tenant.rolesOf(user.id).some((role) => CONSENTING_ROLES.has(role.roleTemplateId));
  if (!allowed) {
    redirect.searchParams.set('error', 'access_denied');
    redirect.searchParams.set('error_subcode', 'cancel');
    redirect.searchParams.set('error_description', 'AADSTS90094: The grant requires admin permission.');
    return { status: 302, headers: { location: redirect.toString() } };
  }
  for (const permission of app.requiredPermissions) app.grantedPermissions.add(permission);
  app.consent = { by: user.userPrincipalName, at: new Date().toISOString() };
  redirect.searchParams.set('admin_consent', 'True');
  redirect.searchParams.set('tenant', tenant.tenantId);
  redirect.searchParams.set(
    'scope',
    app.requiredPermissions.map((p) => `https://graph.microsoft.com/${p}`).join(' '),
  );
  return { status: 302, headers: { location: redirect.toString() } };
}
