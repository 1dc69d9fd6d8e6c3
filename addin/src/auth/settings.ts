/// <reference types="vite/client" />
// Which app registration to sign in to, fixed at build time (VITE_CLAWBACK_* environment
// variables, the same values the manifest is rendered with).
import type { BuildEnv } from '../build-env.js';
import { AuthError } from './errors.js';

export interface AuthSettings {
  clientId: string;
  authority: string;
  /** The Clawback API's delegated scope: never a Graph scope. */
  scopes: string[];
}

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';

export function authSettingsFrom(env: BuildEnv): AuthSettings | null {
  const clientId = env.VITE_CLAWBACK_CLIENT_ID?.trim();
  if (!clientId) return null;
  return {
    clientId,
    authority: env.VITE_CLAWBACK_AUTHORITY?.trim() || DEFAULT_AUTHORITY,
    scopes: [env.VITE_CLAWBACK_API_SCOPE?.trim() || `api://${clientId}/access_as_user`],
  };
}

/** The settings this build was made with; an AuthError a user can read when it has none. */
export function buildAuthSettings(): AuthSettings {
  const settings = authSettingsFrom(import.meta.env as BuildEnv);
  if (!settings)
    throw new AuthError(
      'not_configured',
      'this build has no client id: set VITE_CLAWBACK_CLIENT_ID when building',
    );
  return settings;
}
