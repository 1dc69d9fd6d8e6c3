// Group commit for intake. Reports that arrive while a batch is being written wait and go into the
// next one, which stores them all in one transaction (intake-store.ts): under load a transaction
// carries many reports for the price of one, and a lone report goes at once. Each caller is
// answered only after the transaction holding its report commits, so an answered report is never
// lost. One report's failure does not fail the others: a batch that fails is stored again report
// by report, and only the one that fails again gets the error.
import type { ReportsContext } from './context.js';
import { KeyClaimedElsewhere } from './campaign-placement.js';
import type { StoreInput } from './intake-rows.js';
import { ReportStoredElsewhere, storeReports, type Stored } from './intake-store.js';

/** Reports in one transaction, at most. */
const MAX_BATCH = 50;
/** Evidence bytes in one transaction, at most (a single larger EML still goes, alone). */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** Tries of a batch that lost a race to another writer (it finds that writer's rows next time). */
const MAX_ATTEMPTS = 5;

interface Pending {
  input: StoreInput;
  resolve: (stored: Stored) => void;
  reject: (error: unknown) => void;
}

export function createIntakeWriter(ctx: ReportsContext) {
  const queue: Pending[] = [];
  let writing = false;

  /** The oldest report and those behind it of the same tenant, within the batch limits. */
  function nextBatch(): Pending[] {
    const tenantId = queue[0]!.input.caller.tenantId;
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    let bytes = 0;
    for (const pending of queue) {
      const size = pending.input.read.eml.length;
      const fits = batch.length === 0 || (batch.length < MAX_BATCH && bytes + size <= MAX_BATCH_BYTES);
      if (pending.input.caller.tenantId === tenantId && fits) {
        batch.push(pending);
        bytes += size;
      } else rest.push(pending);
    }
    queue.splice(0, queue.length, ...rest);
    return batch;
  }

  async function drain(): Promise<void> {
    try {
      // Each batch starts on a turn of its own, after the I/O that was ready: PGlite runs a whole
      // transaction without yielding to the event loop, so starting at once would store each
      // report alone and hold back the ones whose Graph answers were already in.
      for (;;) {
        await nextTurn();
        if (queue.length === 0) return;
        await write(nextBatch());
      }
    } finally {
      writing = false;
    }
  }

  async function write(batch: Pending[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const stored = await storeReports(
          ctx,
          batch.map((p) => p.input),
        );
        batch.forEach((p, i) => p.resolve(stored[i]!));
        return;
      } catch (error) {
        if (lostRace(error) && attempt < MAX_ATTEMPTS) continue;
        if (batch.length === 1) {
          batch[0]!.reject(error);
          return;
        }
        for (const pending of batch) await write([pending]);
        return;
      }
    }
  }

  return {
    /** Stores the report; resolves once it is committed (or found to repeat an earlier one). */
    store(input: StoreInput): Promise<Stored> {
      return new Promise<Stored>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        if (writing) return;
        writing = true;
        void drain();
      });
    },
  };
}

export type IntakeWriter = ReturnType<typeof createIntakeWriter>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A conflict with a concurrent writer (another process, on PostgreSQL): trying again resolves it. */
function lostRace(error: unknown): boolean {
  if (error instanceof KeyClaimedElsewhere || error instanceof ReportStoredElsewhere) return true;
  // Deadlock detected, serialization failure: PostgreSQL chose this transaction to give way.
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).code ??
    (error as { cause?: { code?: unknown } }).cause?.code;
  return code === '40P01' || code === '40001';
}
