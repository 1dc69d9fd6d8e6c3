// Why a token could not be had, in words the UI can act on. Providers translate their host's
// errors (MSAL codes, Office SSO numbers, Teams strings) into these; nothing else leaks out.

export type AuthErrorCode =
  /** The tenant (or user) has not consented to Clawback: an administrator has to act. */
  | 'consent_required'
  /** The sign-in has expired or needs a prompt (MFA, password change): sign in again. */
  | 'session_expired'
  /** The user closed the sign-in or consent window. */
  | 'cancelled'
  /** The host offers no way to get a token here (no NAA, no SSO, unsupported client). */
  | 'unavailable'
  /** The build has no client id or scope to ask for. */
  | 'not_configured';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
  }
}

export class ConsentRequiredError extends AuthError {
  constructor(message = 'consent is required', options?: { cause?: unknown }) {
    super('consent_required', message, options);
    this.name = 'ConsentRequiredError';
  }
}

export class SessionExpiredError extends AuthError {
  constructor(message = 'the sign-in has expired', options?: { cause?: unknown }) {
    super('session_expired', message, options);
    this.name = 'SessionExpiredError';
  }
}
