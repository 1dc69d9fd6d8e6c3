// The audit service: record security-relevant events, list them, and verify the chain. Recording
// never throws into the caller's flow for denials it merely documents; it does throw for actions
// whose record is part of the action (those pass a transaction).
import type { Executor } from '../db/client.js';
import {
  GENESIS_HASH,
  rowHash,
  type AuditInput,
  type AuditRepository,
  type AuditRow,
} from './audit-repository.js';

export interface ChainVerification {
  valid: boolean;
  checked: number;
  headSeq: number;
  /** The first seq where the chain breaks, and why. */
  brokenAt?: number;
  problem?: 'hashMismatch' | 'missingRow' | 'headMismatch' | 'truncated';
}

const VERIFY_PAGE = 1_000;

export function createAuditLog(repository: AuditRepository) {
  return {
    record: (event: AuditInput, tx?: Executor) => repository.append([event], tx).then((rows) => rows[0]!),
    recordMany: (events: AuditInput[], tx?: Executor) => repository.append(events, tx),
    list: repository.list,

    async verify(tenantId: string): Promise<ChainVerification> {
      const head = await repository.head(tenantId);
      const headSeq = head?.seq ?? 0;
      let expectedSeq = 1;
      let prevHash = GENESIS_HASH;
      let checked = 0;
      for (;;) {
        const rows: AuditRow[] = await repository.page(tenantId, expectedSeq - 1, VERIFY_PAGE);
        for (const row of rows) {
          if (row.seq !== expectedSeq)
            return { valid: false, checked, headSeq, brokenAt: expectedSeq, problem: 'missingRow' };
          const { hash, ...content } = row;
          if (row.prevHash !== prevHash || rowHash(content) !== hash)
            return { valid: false, checked, headSeq, brokenAt: row.seq, problem: 'hashMismatch' };
          prevHash = hash;
          expectedSeq += 1;
          checked += 1;
        }
        if (rows.length < VERIFY_PAGE) break;
      }
      if (checked !== headSeq)
        return { valid: false, checked, headSeq, brokenAt: checked + 1, problem: 'truncated' };
      if (head && head.hash !== prevHash)
        return { valid: false, checked, headSeq, brokenAt: headSeq, problem: 'headMismatch' };
      return { valid: true, checked, headSeq };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
