// Who did something, as the audit log records it: from a request, or the system itself (jobs, the
// threshold rule).
import type { AuditInput } from '../audit/audit-repository.js';

export type AuditActor = Pick<
  AuditInput,
  'tenantId' | 'actorType' | 'actorId' | 'actorName' | 'requestId' | 'ip'
>;

export function systemActor(tenantId: string, name: string): AuditActor {
  return { tenantId, actorType: 'system', actorId: null, actorName: name, requestId: null, ip: null };
}
