// Sandbox builds only: tokens for the demo user picked in the sign-in picker, from the sandbox's
// Entra emulator through the API (POST /api/v1/sandbox/token), as Outlook or Teams would get them.
import { AuthError } from '../auth/errors.js';
import type { TokenProvider } from '../auth/token-provider.js';
import type { HarnessApi, SandboxClient } from './harness-api.js';

/** Renew a minute before expiry so a request never leaves with a token about to lapse. */
const RENEW_BEFORE_MS = 60_000;

export function createSandboxTokenProvider(
  api: Pick<HarnessApi, 'token'>,
  user: string,
  client: SandboxClient = 'outlook',
  now: () => number = Date.now,
): TokenProvider {
  let cached: { token: string; expiresAt: number } | null = null;
  return {
    kind: 'sandbox',
    async getToken() {
      if (cached && cached.expiresAt - RENEW_BEFORE_MS > now()) return cached.token;
      try {
        const { accessToken, expiresIn } = await api.token(user, client);
        cached = { token: accessToken, expiresAt: now() + expiresIn * 1000 };
        return accessToken;
      } catch (error) {
        throw new AuthError('unavailable', `the sandbox gave no token for ${user}`, { cause: error });
      }
    },
    invalidate() {
      cached = null;
    },
  };
}
