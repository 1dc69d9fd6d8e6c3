// One error factory per wire: Graph's `{"error":{code,message,innerError}}` envelope and Entra's
// AADSTS token-endpoint errors, so the real SDKs parse sandbox errors exactly as real ones.
import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from './types.js';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Throws a Graph error unless the condition holds: handlers read as checklists. */
export function assert(
  condition: unknown,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): asserts condition {
  if (!condition) throw new GraphError(status, code, message, headers);
}

export const graphErrors = {
  itemNotFound: () =>
    new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
  idMalformed: () => new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.'),
  resourceNotFound: (id: string) =>
    new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  badRequest: (message: string, code = 'BadRequest') => new GraphError(400, code, message),
  notImplemented: (what: string) =>
    new GraphError(501, 'NotImplemented', `The sandbox does not implement ${what}.`),
  accessDenied: (message = 'Access is denied. Check credentials and try again.') =>
    new GraphError(403, 'ErrorAccessDenied', message),
  authorizationDenied: () =>
    new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
};

export function renderGraphError(
  error: GraphError,
  requestId: string,
  clientRequestId?: string,
): SandboxResponse {
  return {
    status: error.status,
    headers: { ...error.headers, 'content-type': 'application/json' },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': requestId,
          'client-request-id': clientRequestId ?? requestId,
        },
      },
    },
  };
}

/** Entra token endpoint error, shaped like login.microsoftonline.com's. */
export class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    readonly description: string,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}

export function renderEntraError(error: EntraError): SandboxResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: {
      error: error.error,
      error_description: `AADSTS${error.aadsts}: ${error.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [error.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${error.aadsts}`,
    },
  };
}
