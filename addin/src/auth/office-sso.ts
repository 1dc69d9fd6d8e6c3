/// <reference types="office-js" />
// Office's own single sign-on (IdentityAPI 1.3), the fallback where nested app authentication is
// not supported. Office caches and refreshes the token itself.
import { AuthError, ConsentRequiredError, SessionExpiredError } from './errors.js';
import type { TokenProvider } from './token-provider.js';

type OfficeApi = Pick<typeof Office, 'auth' | 'context'>;

export function createOfficeSsoTokenProvider(office: OfficeApi): TokenProvider {
  return {
    kind: 'officeSso',
    async getToken() {
      if (!office.context.requirements.isSetSupported('IdentityAPI', '1.3'))
        throw new AuthError('unavailable', 'Office single sign-on (IdentityAPI 1.3) is not supported here');
      try {
        return await office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
      } catch (error) {
        throw mapOfficeSsoError(error);
      }
    },
    invalidate() {
      // Office decides when to refresh; the next getAccessToken asks it again.
    },
  };
}

/** Office SSO reports numbered errors (13xxx) and passes Entra's AADSTS codes through. */
export function mapOfficeSsoError(error: unknown): AuthError {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message =
    error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  const options = { cause: error };
  if (code === 13005 || message.includes('AADSTS65001')) return new ConsentRequiredError(message, options);
  if (code === 13001) return new SessionExpiredError(message, options);
  if (code === 13002) return new AuthError('cancelled', message, options);
  return new AuthError('unavailable', message, options);
}
