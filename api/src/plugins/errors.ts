import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, ProblemError, problems } from '../http/problem.js';

/**
 * One error handler: every failure leaves as an RFC 9457 problem document with a stable code.
 * Client errors say what was wrong; server errors say nothing beyond "internal" and are logged.
 */
export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error: FastifyError, request, reply) =>
      sendProblem(request, reply, toProblem(error, request)),
    );
    fastify.setNotFoundHandler((request, reply) =>
      sendProblem(
        request,
        reply,
        problems.notFound(`no route ${request.method} ${request.url.split('?')[0]}`),
      ),
    );
  },
  { name: 'errors' },
);

function toProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return problems.validation(
      error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)]
          .filter(Boolean)
          .join('.'),
        message: issue.message ?? 'is not valid',
      })),
    );
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    return new ProblemError(500, 'internal_error', 'Internal error');
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError(413, 'payload_too_large', 'The request body is too large', error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError(415, 'bad_request', 'Unsupported media type', 'send application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problems.badRequest('the body is not valid JSON');
  }
  if (error.statusCode === 429)
    return new ProblemError(429, 'rate_limited', 'Too many requests', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return problems.badRequest(error.message);
  request.log.error({ err: error }, 'unhandled error');
  return new ProblemError(
    500,
    'internal_error',
    'Internal error',
    'something went wrong; the request id identifies it in the log',
  );
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemError) {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem.toDocument(request.url.split('?')[0]));
}
