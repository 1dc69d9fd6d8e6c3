// RFC 9457 problem documents with stable codes. Services throw ProblemError; the error handler
// renders it. Anything else becomes a 500 whose details stay in the log.
import { PROBLEM_TYPE_BASE, type ProblemCode, type ProblemDocument } from '@clawback/shared';

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Partial<Pick<ProblemDocument, 'errors'>> & Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  toDocument(instance?: string): ProblemDocument & Record<string, unknown> {
    return {
      type: `${PROBLEM_TYPE_BASE}${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

export const problems = {
  unauthenticated: (detail: string) =>
    new ProblemError(
      401,
      'unauthenticated',
      'Authentication required',
      detail,
      {},
      { 'www-authenticate': 'Bearer' },
    ),
  invalidToken: (detail: string) =>
    new ProblemError(
      401,
      'invalid_token',
      'The access token is not valid',
      detail,
      {},
      {
        'www-authenticate': `Bearer error="invalid_token", error_description="${detail.replace(/"/g, "'")}"`,
      },
    ),
  roleRequired: (detail: string) =>
    new ProblemError(403, 'role_required', 'A directory role is required', detail),
  forbidden: (detail: string) => new ProblemError(403, 'forbidden', 'Not allowed', detail),
  notFound: (detail: string) => new ProblemError(404, 'not_found', 'Not found', detail),
  validation: (errors: { path: string; message: string }[]) =>
    new ProblemError(
      400,
      'validation_failed',
      'The request is not valid',
      errors.map((e) => `${e.path || 'body'}: ${e.message}`).join('; '),
      { errors },
    ),
  badRequest: (detail: string) => new ProblemError(400, 'bad_request', 'Bad request', detail),
  conflict: (detail: string) => new ProblemError(409, 'conflict', 'Conflict', detail),
  graphUnavailable: (detail: string) =>
    new ProblemError(503, 'graph_unavailable', 'Microsoft Graph is unavailable', detail),
  consentRequired: (detail: string) =>
    new ProblemError(403, 'consent_required', 'Admin consent is required', detail),
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
