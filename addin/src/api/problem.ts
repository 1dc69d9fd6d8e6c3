// Errors from /api/v1 as one typed error. The API answers RFC 9457 problem documents with a stable
// `code`; a response that is not one (a proxy's HTML page, a dropped connection) still becomes an
// ApiError, with a code of our own, so callers branch on `code` and `status` only.
import type { ProblemCode } from '@clawback/shared';

export type ApiErrorCode =
  | ProblemCode
  /** fetch itself failed: offline, DNS, TLS, CORS. */
  | 'network_error'
  /** A success status whose body does not match the contract. */
  | 'unexpected_response'
  /** An error status without a problem document. */
  | 'http_error';

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }

  /** The path does not exist on this server (a route that has not landed yet), not a missing record. */
  get isRouteMissing(): boolean {
    return this.status === 404 && this.code === 'not_found';
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const text = await response.text().catch(() => '');
    const problem = parseProblem(text);
    if (problem)
      return new ApiError(response.status, problem.code, problem.title, problem.detail, problem.errors);
    return new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
  }
}

function parseProblem(
  text: string,
): { code: ApiErrorCode; title: string; detail?: string; errors: FieldProblem[] } | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { code, title, detail, errors } = body as Record<string, unknown>;
  if (typeof code !== 'string') return null;
  return {
    // A code this client does not know yet is still passed on: callers compare to known ones.
    code: code as ApiErrorCode,
    title: typeof title === 'string' ? title : code,
    ...(typeof detail === 'string' ? { detail } : {}),
    errors: Array.isArray(errors)
      ? errors.filter(
          (e): e is FieldProblem =>
            typeof e === 'object' &&
            e !== null &&
            typeof e.path === 'string' &&
            typeof e.message === 'string',
        )
      : [],
  };
}
