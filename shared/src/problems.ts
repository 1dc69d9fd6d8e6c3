// Stable codes for problem documents (RFC 9457). Clients branch on `code`, never on `detail`.

export const PROBLEM_CODES = {
  badRequest: 'bad_request',
  validationFailed: 'validation_failed',
  unauthenticated: 'unauthenticated',
  invalidToken: 'invalid_token',
  roleRequired: 'role_required',
  forbidden: 'forbidden',
  notFound: 'not_found',
  messageNotFound: 'message_not_found',
  conflict: 'conflict',
  consentRequired: 'consent_required',
  domainNotPublished: 'domain_not_published',
  rateLimited: 'rate_limited',
  payloadTooLarge: 'payload_too_large',
  headersTooLarge: 'headers_too_large',
  graphUnavailable: 'graph_unavailable',
  internal: 'internal_error',
} as const;

export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  /** Field-level problems for validation failures. */
  errors?: { path: string; message: string }[];
}

export const PROBLEM_TYPE_BASE = 'https://clawback.dev/problems/';
