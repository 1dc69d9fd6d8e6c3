import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { createAuditLog, type AuditLog } from '../audit/audit-log.js';
import { createAuditRepository, type AuditInput } from '../audit/audit-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditLog;
  }
}

/** The hash-chained audit log. */
export default fp(
  async (fastify) => {
    fastify.decorate('audit', createAuditLog(createAuditRepository(fastify.database.db)));
  },
  { name: 'audit', dependencies: ['db'] },
);

/** Actor and request fields of an audit event, from the request's verified caller. */
export function auditContext(
  request: FastifyRequest,
): Pick<AuditInput, 'tenantId' | 'actorType' | 'actorId' | 'actorName' | 'requestId' | 'ip'> {
  const caller = request.caller;
  return {
    tenantId: caller?.tenantId ?? request.server.config.tenantId,
    actorType: caller ? caller.kind : 'anonymous',
    actorId: caller?.oid ?? null,
    actorName: caller ? (caller.kind === 'user' ? caller.upn : caller.appId) : null,
    requestId: request.id,
    ip: request.ip,
  };
}
