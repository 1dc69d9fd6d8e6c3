// Jobs sent inside the caller's database transaction, so a report and the work it starts commit
// together: nothing is lost on a crash and nothing runs for a report that was never stored.
// pg-boss takes any executor with executeSql; this one runs its SQL on a Drizzle transaction.
import { sql, type SQL } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Executor } from '../db/client.js';
import { REPORTS_QUEUE, type ReportJob } from './queues.js';

export async function sendInTransaction(boss: PgBoss, tx: Executor, jobs: ReportJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await boss.insert(
    jobs.map((data) => ({ name: REPORTS_QUEUE, data })),
    { db: transactionDb(tx) },
  );
}

function transactionDb(tx: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await tx.execute(withParameters(text, values));
      return { rows: Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []) };
    },
  };
}

/** pg-boss writes $1, $2...; Drizzle binds parameters itself, so the placeholders become params. */
function withParameters(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    chunks.push(index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks, sql.raw(''));
}
