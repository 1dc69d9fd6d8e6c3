// What a benchmark module is: every tests/bench/*.bench.ts exports `benchmark`, which the runner
// (run.ts) executes in a child process that trusts the sandbox CA, writing its result to
// bench-results/<name>.json.

export interface BenchmarkContext {
  /** A data directory whose tls/ holds the CA the child process trusts. */
  dataDir: string;
}

export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchmarkContext): Promise<Record<string, unknown>>;
  /** One line for the terminal. */
  summary(result: Record<string, unknown>): string;
}

export interface LoadResult {
  workload: string;
  concurrency: number;
  durationMs: number;
  requests: number;
  failures: number;
  statuses: Record<string, number>;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

/**
 * Keeps `concurrency` requests in flight for `durationMs`, each worker sending its next request as
 * soon as the last one answered (a closed loop, like a client with a fixed connection pool).
 */
export async function closedLoop(
  workload: string,
  options: { concurrency: number; durationMs: number },
  send: (worker: number, n: number) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async (index: number) => {
    for (let n = 0; performance.now() < deadline; n += 1) {
      const before = performance.now();
      let status: string;
      try {
        status = String(await send(index, n));
      } catch {
        status = 'error';
      }
      latencies.push(performance.now() - before);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!status.startsWith('2')) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    workload,
    concurrency: options.concurrency,
    durationMs: Math.round(elapsed),
    requests: latencies.length,
    failures,
    statuses,
    requestsPerSecond: Math.round((latencies.length / elapsed) * 1000),
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(latencies.at(-1) ?? 0) },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
