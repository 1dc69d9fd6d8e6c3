// Audit records of a retraction's steps: by the engine itself (on behalf of the requester) or by
// the person who approved, cancelled or undid it.
import type { AuditLog } from '../audit/audit-log.js';
import type { AuditOutcome } from '../audit/audit-repository.js';
import type { Caller } from '../auth/caller.js';
import type { RetractionRow } from './repository.js';

export function retractionAudit(audit: AuditLog) {
  return {
    /** A step the engine took for the retraction's requester. */
    step(
      row: RetractionRow,
      action: string,
      details: Record<string, unknown> = {},
      outcome: AuditOutcome = 'success',
    ) {
      return audit.record({
        tenantId: row.tenantId,
        actorType: 'system',
        actorId: row.requestedBy,
        actorName: row.requestedByName,
        action,
        outcome,
        targetType: 'retraction',
        targetId: row.id,
        details,
      });
    },
    /** A decision by a person or app about a retraction. */
    decision(
      tenantId: string,
      caller: Caller,
      callerName: string | null,
      retractionId: string,
      action: string,
      details: Record<string, unknown> = {},
    ) {
      return audit.record({
        tenantId,
        actorType: caller.kind,
        actorId: caller.oid,
        actorName: callerName,
        action,
        outcome: 'success',
        targetType: 'retraction',
        targetId: retractionId,
        details,
      });
    },
  };
}
