// Token providers: NAA silent then popup with typed errors, the Office SSO fallback, Teams SSO
// errors, and the sandbox provider's cache.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { AuthError, ConsentRequiredError, SessionExpiredError } from '../../../addin/src/auth/errors.js';
import { createNaaTokenProvider } from '../../../addin/src/auth/naa.js';
import { mapOfficeSsoError } from '../../../addin/src/auth/office-sso.js';
import { createOutlookTokenProvider } from '../../../addin/src/auth/outlook-auth.js';
import { authSettingsFrom, type AuthSettings } from '../../../addin/src/auth/settings.js';
import { mapTeamsError } from '../../../addin/src/auth/teams-sso.js';
import { createSandboxTokenProvider } from '../../../addin/src/sandbox/token-provider.js';

const settings: AuthSettings = {
  clientId: 'c1',
  authority: 'https://login.example/organizations',
  scopes: ['api://c1/access_as_user'],
};

const msalError = (errorCode: string, name = 'InteractionRequiredAuthError') =>
  Object.assign(new Error(errorCode), { errorCode, name });

function fakePca(
  silent: () => Promise<{ accessToken: string }>,
  popup = async () => ({ accessToken: 'popup-token' }),
) {
  const pca = { acquireTokenSilent: vi.fn(silent), acquireTokenPopup: vi.fn(popup) };
  const createClient = vi.fn(async () => pca as unknown as IPublicClientApplication);
  return { pca, createClient };
}

describe('nested app authentication', () => {
  it('asks silently for the Clawback API scope with one client for the page', async () => {
    const { pca, createClient } = fakePca(async () => ({ accessToken: 'silent-token' }));
    const provider = createNaaTokenProvider(settings, { createClient });
    expect(await provider.getToken()).toBe('silent-token');
    expect(await provider.getToken()).toBe('silent-token');
    expect(createClient).toHaveBeenCalledOnce();
    expect(createClient).toHaveBeenCalledWith({
      auth: { clientId: 'c1', authority: 'https://login.example/organizations' },
    });
    expect(pca.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: ['api://c1/access_as_user'],
      forceRefresh: false,
    });
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('falls back to a popup when interaction is required', async () => {
    const { pca, createClient } = fakePca(async () => Promise.reject(msalError('interaction_required')));
    expect(await createNaaTokenProvider(settings, { createClient }).getToken()).toBe('popup-token');
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['api://c1/access_as_user'] });
  });

  it('says consent is required when the popup cannot get it', async () => {
    const { createClient } = fakePca(
      async () => Promise.reject(msalError('consent_required')),
      async () => Promise.reject(msalError('invalid_grant', 'ServerError')) as never,
    );
    const provider = createNaaTokenProvider(settings, { createClient });
    await expect(provider.getToken()).rejects.toBeInstanceOf(AuthError);
    const consent = fakePca(
      async () => Promise.reject(msalError('consent_required')),
      async () =>
        Promise.reject(
          Object.assign(new Error('AADSTS65001: The user or administrator has not consented'), {
            errorCode: 'invalid_grant',
          }),
        ) as never,
    );
    await expect(
      createNaaTokenProvider(settings, { createClient: consent.createClient }).getToken(),
    ).rejects.toBeInstanceOf(ConsentRequiredError);
  });

  it('does not open a popup where interaction is not allowed, and says the sign-in expired', async () => {
    const { pca, createClient } = fakePca(async () => Promise.reject(msalError('login_required')));
    await expect(
      createNaaTokenProvider(settings, { createClient, interactive: false }).getToken(),
    ).rejects.toBeInstanceOf(SessionExpiredError);
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('forces a refresh after the API refused a token', async () => {
    const { pca, createClient } = fakePca(async () => ({ accessToken: 't' }));
    const provider = createNaaTokenProvider(settings, { createClient });
    provider.invalidate();
    await provider.getToken();
    expect(pca.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: settings.scopes, forceRefresh: true });
    await provider.getToken();
    expect(pca.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: settings.scopes, forceRefresh: false });
  });
});

describe('Outlook token provider', () => {
  const office = (sets: string[], getAccessToken = vi.fn(async () => 'sso-token')) =>
    ({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => sets.includes(`${name} ${version}`),
        },
      },
      auth: { getAccessToken },
    }) as unknown as typeof Office;

  it('uses Office SSO where NAA is not supported', async () => {
    const provider = createOutlookTokenProvider(office(['IdentityAPI 1.3']), settings);
    expect(provider.kind).toBe('officeSso');
    expect(await provider.getToken()).toBe('sso-token');
  });

  it('falls back to Office SSO when NAA is unavailable, but not when the user has to act', async () => {
    const broken = fakePca(async () =>
      Promise.reject(msalError('no_network_connectivity', 'BrowserAuthError')),
    );
    const provider = createOutlookTokenProvider(office(['NestedAppAuth 1.1', 'IdentityAPI 1.3']), settings, {
      createClient: broken.createClient,
    });
    expect(await provider.getToken()).toBe('sso-token');
    expect(provider.kind).toBe('officeSso');

    const consent = fakePca(
      async () => Promise.reject(msalError('consent_required')),
      async () => Promise.reject(msalError('consent_required')) as never,
    );
    const getAccessToken = vi.fn(async () => 'sso-token');
    const strict = createOutlookTokenProvider(
      office(['NestedAppAuth 1.1', 'IdentityAPI 1.3'], getAccessToken),
      settings,
      {
        createClient: consent.createClient,
      },
    );
    await expect(strict.getToken()).rejects.toBeInstanceOf(ConsentRequiredError);
    expect(getAccessToken).not.toHaveBeenCalled();
  });

  it('maps Office SSO and Teams errors to typed ones', () => {
    expect(mapOfficeSsoError({ code: 13005, message: 'Invalid grant' })).toBeInstanceOf(ConsentRequiredError);
    expect(mapOfficeSsoError({ code: 13001, message: 'Not signed in' })).toBeInstanceOf(SessionExpiredError);
    expect(mapOfficeSsoError({ code: 13002, message: 'Aborted' }).code).toBe('cancelled');
    expect(mapOfficeSsoError({ code: 13012, message: 'Not supported' }).code).toBe('unavailable');
    expect(mapTeamsError(new Error('resourceRequiresConsent'))).toBeInstanceOf(ConsentRequiredError);
    expect(mapTeamsError('CancelledByUser').code).toBe('cancelled');
  });

  it('reads its app registration from the build, with defaults for authority and scope', () => {
    expect(authSettingsFrom({})).toBeNull();
    expect(authSettingsFrom({ VITE_CLAWBACK_CLIENT_ID: 'abc' })).toEqual({
      clientId: 'abc',
      authority: 'https://login.microsoftonline.com/organizations',
      scopes: ['api://abc/access_as_user'],
    });
  });
});

describe('sandbox token provider', () => {
  it('caches a token until a minute before it expires, and forgets a refused one', async () => {
    let now = 0;
    let issued = 0;
    const token = vi.fn(async () => ({ accessToken: `t${++issued}`, expiresIn: 3600 }));
    const provider = createSandboxTokenProvider({ token }, 'alice@contoso.com', 'outlook', () => now);
    expect(await provider.getToken()).toBe('t1');
    now = 3_500_000;
    expect(await provider.getToken()).toBe('t1');
    now = 3_560_000;
    expect(await provider.getToken()).toBe('t2');
    provider.invalidate();
    expect(await provider.getToken()).toBe('t3');
    expect(token).toHaveBeenCalledWith('alice@contoso.com', 'outlook');
  });
});
