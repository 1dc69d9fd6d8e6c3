// Many mailboxes are collected side by side, each asking the executor for a handful of calls at a
// time (Exchange allows four in flight per mailbox). Run separately, every $batch would carry one
// mailbox's four requests; coalesced, calls that arrive within a couple of milliseconds share one
// executor run, so a $batch carries up to twenty requests of several mailboxes while the executor
// still keeps each mailbox within its limit.
import type { GraphCall, GraphCallResult, GraphExecutor } from '../graph/executor.js';

export interface BulkRunner {
  run<C extends GraphCall>(calls: C[]): Promise<GraphCallResult<C>[]>;
}

interface Waiting {
  calls: GraphCall[];
  resolve(results: GraphCallResult[]): void;
  reject(error: unknown): void;
}

export function coalescing(executor: GraphExecutor, windowMs = 2): BulkRunner {
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    timer = null;
    const groups = waiting;
    waiting = [];
    const calls = groups.flatMap((group) => group.calls);
    executor.run(calls).then(
      (results) => {
        let offset = 0;
        for (const group of groups) {
          group.resolve(results.slice(offset, offset + group.calls.length));
          offset += group.calls.length;
        }
      },
      (error: unknown) => groups.forEach((group) => group.reject(error)),
    );
  };

  return {
    run<C extends GraphCall>(calls: C[]): Promise<GraphCallResult<C>[]> {
      if (calls.length === 0) return Promise.resolve([]);
      return new Promise<GraphCallResult<C>[]>((resolve, reject) => {
        waiting.push({ calls, resolve: resolve as Waiting['resolve'], reject });
        timer ??= setTimeout(flush, windowMs);
      });
    },
  };
}
