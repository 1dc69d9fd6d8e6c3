// Teams single sign-on: Teams hands the tab a token for the Clawback API (never for Graph; the
// API does on-behalf-of where it needs to). Teams caches and refreshes it.
import { AuthError, ConsentRequiredError } from './errors.js';
import type { TokenProvider } from './token-provider.js';

export function createTeamsSsoTokenProvider(getAuthToken: () => Promise<string>): TokenProvider {
  return {
    kind: 'teamsSso',
    async getToken() {
      try {
        return await getAuthToken();
      } catch (error) {
        throw mapTeamsError(error);
      }
    },
    invalidate() {
      // Teams decides when to refresh.
    },
  };
}

/** Teams rejects with bare strings or Errors whose message names the reason. */
export function mapTeamsError(error: unknown): AuthError {
  const message = error instanceof Error ? error.message : String(error);
  const options = { cause: error };
  if (/consent|AADSTS65001/i.test(message)) return new ConsentRequiredError(message, options);
  if (/CancelledByUser/i.test(message)) return new AuthError('cancelled', message, options);
  return new AuthError('unavailable', message, options);
}
