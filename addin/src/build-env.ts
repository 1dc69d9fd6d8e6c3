/// <reference types="vite/client" />
// Build-time values vite.config.ts writes into the bundles as import.meta.env.*. Read them inline
// where they are used: the bundler replaces each expression with its value, so a false
// CLAWBACK_SANDBOX drops the sandbox code from production builds. Under Vitest they are unset.

export interface BuildEnv {
  /** True in sandbox builds (`--mode sandbox`): the harness and the demo sign-in picker exist. */
  CLAWBACK_SANDBOX?: boolean;
  /** The Entra app registration of the Clawback API (client id), for nested app authentication. */
  VITE_CLAWBACK_CLIENT_ID?: string;
  /** Authority for sign-in, e.g. https://login.microsoftonline.com/organizations. */
  VITE_CLAWBACK_AUTHORITY?: string;
  /** The delegated scope of the Clawback API, e.g. api://<host>/<client id>/access_as_user. */
  VITE_CLAWBACK_API_SCOPE?: string;
  /** Absolute /api/v1 URL, for Outlook's JavaScript-only runtime, which has no page origin. */
  VITE_CLAWBACK_API_BASE?: string;
}
