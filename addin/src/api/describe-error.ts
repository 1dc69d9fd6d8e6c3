// One sentence a user can act on for any error the add-in meets: API problems, sign-in failures,
// host failures. Details stay in the error for whoever debugs; users get the sentence.
import { AuthError } from '../auth/errors.js';
import { HostError } from '../host/mail-host.js';
import { strings } from '../strings.js';
import { ApiError } from './problem.js';

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'network_error':
        return strings.errors.network;
      case 'unauthenticated':
      case 'invalid_token':
        return strings.errors.signInRequired;
      case 'consent_required':
        return strings.errors.consentRequired;
      case 'role_required':
      case 'forbidden':
        return error.detail ?? strings.errors.roleRequired;
      case 'rate_limited':
        return strings.errors.rateLimited;
      default:
        return error.detail ?? error.title ?? strings.errors.unexpected;
    }
  }
  if (error instanceof AuthError) {
    if (error.code === 'consent_required') return strings.errors.consentRequired;
    if (error.code === 'session_expired' || error.code === 'cancelled') return strings.errors.signInRequired;
    return `${strings.errors.unexpected} (${error.message})`;
  }
  if (error instanceof HostError) return `${strings.errors.unexpected} (${error.message})`;
  return strings.errors.unexpected;
}
