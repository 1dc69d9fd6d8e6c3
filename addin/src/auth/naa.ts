// Nested app authentication: Outlook (and other Microsoft 365 hosts) broker the sign-in for the
// add-in through MSAL's nestable public client. Silent first, then a popup the host shows when the
// user has to act. Outside a host that supports NAA, MSAL falls back to a standard browser client,
// so the admin console opened in a browser signs in the same way. MSAL is loaded on first use: it
// is a quarter of the pane's weight, and the pane can render before a token is needed.
import type { Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { AuthError, ConsentRequiredError, SessionExpiredError } from './errors.js';
import type { AuthSettings } from './settings.js';
import type { TokenProvider } from './token-provider.js';

type PcaFactory = (configuration: Configuration) => Promise<IPublicClientApplication>;

export interface NaaOptions {
  /** Replaces MSAL in tests. */
  createClient?: PcaFactory;
  /** Whether a popup may be opened when silent fails (false for background commands). */
  interactive?: boolean;
}

export function createNaaTokenProvider(settings: AuthSettings, options: NaaOptions = {}): TokenProvider {
  const createClient: PcaFactory =
    options.createClient ??
    (async (configuration) =>
      (await import('@azure/msal-browser')).createNestablePublicClientApplication(configuration));
  // One client for the page's lifetime: MSAL's token cache lives in it.
  let client: Promise<IPublicClientApplication> | null = null;
  let forceRefresh = false;
  const clientOnce = () =>
    (client ??= createClient({
      auth: { clientId: settings.clientId, authority: settings.authority },
    }).catch((error: unknown) => {
      client = null;
      throw mapMsalError(error);
    }));

  return {
    kind: 'naa',
    async getToken() {
      const pca = await clientOnce();
      const request = { scopes: settings.scopes };
      try {
        const result = await pca.acquireTokenSilent({ ...request, forceRefresh });
        forceRefresh = false;
        return result.accessToken;
      } catch (silentError) {
        if (!needsInteraction(silentError) || options.interactive === false) throw mapMsalError(silentError);
        try {
          const result = await pca.acquireTokenPopup(request);
          forceRefresh = false;
          return result.accessToken;
        } catch (popupError) {
          throw mapMsalError(popupError);
        }
      }
    },
    invalidate() {
      forceRefresh = true;
    },
  };
}

/** MSAL errors carry a string errorCode; an account-less silent call needs interaction too. */
function needsInteraction(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'interaction_required' ||
    code === 'consent_required' ||
    code === 'login_required' ||
    code === 'no_account_error' ||
    code === 'no_tokens_found' ||
    (error instanceof Error && error.name === 'InteractionRequiredAuthError')
  );
}

export function mapMsalError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const options = { cause: error };
  // AADSTS65001: the user or administrator has not consented to use the application.
  if (code === 'consent_required' || message.includes('AADSTS65001'))
    return new ConsentRequiredError(message, options);
  if (code === 'user_cancelled' || code === 'popup_window_error' || code === 'access_denied')
    return new AuthError('cancelled', message, options);
  if (code === 'interaction_required' || code === 'login_required' || code === 'no_account_error')
    return new SessionExpiredError(message, options);
  return new AuthError('unavailable', message, options);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'errorCode' in error) {
    const code = (error as { errorCode: unknown }).errorCode;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
