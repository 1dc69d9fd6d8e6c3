// Bulk Graph work with Exchange's limits in mind: calls go out in JSON batches of up to 20, never
// more than four in flight per mailbox, under a global concurrency that grows while Graph is happy
// and halves when it is not. A 429 pauses only its mailbox for Retry-After (inside batches too);
// 5xx are retried with jittered backoff. Every call ends with exactly one result.

export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, already escaped (build it with graphPath/odataQuery). */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Throttling key: the mailbox (user id) the call touches, if any. */
  mailbox?: string;
}

export interface GraphCallResult<C extends GraphCall = GraphCall> {
  call: C;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  attempts: number;
}

export interface BatchRequestItem {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type PostBatch = (requests: BatchRequestItem[]) => Promise<{ responses?: BatchResponseItem[] }>;

export interface ExecutorOptions {
  maxBatchSize: number;
  perMailboxConcurrency: number;
  initialConcurrency: number;
  minConcurrency: number;
  maxConcurrency: number;
  /** Attempts of a call failing with 5xx before its last status is the result. */
  maxAttempts: number;
  /**
   * 429s a call may meet before giving up. Throttling says "later", not "no": it is waited out
   * (Retry-After) far longer than errors are retried.
   */
  maxThrottles: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_EXECUTOR_OPTIONS: ExecutorOptions = {
  maxBatchSize: 20,
  perMailboxConcurrency: 4,
  initialConcurrency: 16,
  minConcurrency: 1,
  maxConcurrency: 128,
  maxAttempts: 8,
  maxThrottles: 50,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
};

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
/** How many queued calls one scan looks at, so a huge backlog of paused mailboxes stays cheap. */
const SCAN_LIMIT = 4_000;

interface Item<C extends GraphCall> {
  call: C;
  index: number;
  attempts: number;
  throttles: number;
  notBefore: number;
}

export interface ExecutorStats {
  batches: number;
  requests: number;
  throttled: number;
  retried: number;
  concurrency: number;
}

export class GraphExecutor {
  readonly options: ExecutorOptions;
  private concurrency: number;
  /** Doubling until the first sign of trouble, then one at a time (TCP's slow start). */
  private slowStart = true;
  readonly stats: ExecutorStats = { batches: 0, requests: 0, throttled: 0, retried: 0, concurrency: 0 };

  constructor(
    private readonly postBatch: PostBatch,
    options: Partial<ExecutorOptions> = {},
  ) {
    this.options = { ...DEFAULT_EXECUTOR_OPTIONS, ...options };
    this.concurrency = this.options.initialConcurrency;
  }

  /** Runs every call; resolves with one result per call, in the order given. */
  run<C extends GraphCall>(
    calls: C[],
    onResult?: (result: GraphCallResult<C>) => void,
  ): Promise<GraphCallResult<C>[]> {
    return new Run(this, calls, onResult).done;
  }

  /** @internal */ get currentConcurrency(): number {
    return this.concurrency;
  }

  /** @internal */ grow(): void {
    const next = this.slowStart ? this.concurrency * 2 : this.concurrency + 1;
    this.concurrency = Math.min(this.options.maxConcurrency, next);
    this.stats.concurrency = this.concurrency;
  }

  /** @internal */ shrink(): void {
    this.slowStart = false;
    this.concurrency = Math.max(this.options.minConcurrency, Math.floor(this.concurrency / 2));
    this.stats.concurrency = this.concurrency;
  }

  /** @internal */ send(requests: BatchRequestItem[]) {
    this.stats.batches += 1;
    this.stats.requests += requests.length;
    return this.postBatch(requests);
  }
}

class Run<C extends GraphCall> {
  readonly done: Promise<GraphCallResult<C>[]>;
  private resolve!: (results: GraphCallResult<C>[]) => void;
  private pending: Item<C>[];
  private readonly results: GraphCallResult<C>[] = [];
  private remaining: number;
  private activeBatches = 0;
  private readonly inFlight = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  private wakeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly executor: GraphExecutor,
    calls: C[],
    private readonly onResult?: (result: GraphCallResult<C>) => void,
  ) {
    this.pending = calls.map((call, index) => ({ call, index, attempts: 0, throttles: 0, notBefore: 0 }));
    this.remaining = calls.length;
    this.done = new Promise((resolve) => (this.resolve = resolve));
    if (calls.length === 0) this.resolve([]);
    else this.pump();
  }

  private pump(): void {
    if (this.wakeTimer) {
      clearTimeout(this.wakeTimer);
      this.wakeTimer = null;
    }
    while (this.activeBatches < this.executor.currentConcurrency) {
      const batch = this.takeBatch(Date.now());
      if (batch.length === 0) break;
      this.activeBatches += 1;
      void this.dispatch(batch).finally(() => {
        this.activeBatches -= 1;
        this.pump();
      });
    }
    if (this.remaining > 0 && this.activeBatches === 0 && this.pending.length > 0) this.sleepUntilReady();
  }

  /** Nothing can go now (every mailbox paused or backing off): wake when the first can. */
  private sleepUntilReady(): void {
    const now = Date.now();
    let wake = Infinity;
    for (const item of this.pending) {
      const ready = Math.max(item.notBefore, this.pausedUntil.get(item.call.mailbox ?? '') ?? 0);
      wake = Math.min(wake, ready);
    }
    this.wakeTimer = setTimeout(() => this.pump(), Math.max(1, wake - now));
  }

  private takeBatch(now: number): Item<C>[] {
    const { maxBatchSize, perMailboxConcurrency } = this.executor.options;
    const batch: Item<C>[] = [];
    const keep: Item<C>[] = [];
    let scanned = 0;
    for (const item of this.pending) {
      scanned += 1;
      const mailbox = item.call.mailbox;
      const eligible =
        batch.length < maxBatchSize &&
        scanned <= SCAN_LIMIT &&
        item.notBefore <= now &&
        (!mailbox ||
          ((this.pausedUntil.get(mailbox) ?? 0) <= now &&
            (this.inFlight.get(mailbox) ?? 0) < perMailboxConcurrency));
      if (eligible) {
        batch.push(item);
        if (mailbox) this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 0) + 1);
      } else keep.push(item);
    }
    this.pending = keep;
    return batch;
  }

  private async dispatch(batch: Item<C>[]): Promise<void> {
    const requests = batch.map((item, position) => ({
      id: String(position + 1),
      method: item.call.method,
      url: item.call.url,
      ...(item.call.body !== undefined
        ? { body: item.call.body, headers: { 'Content-Type': 'application/json', ...item.call.headers } }
        : item.call.headers
          ? { headers: item.call.headers }
          : {}),
    }));
    let responses: BatchResponseItem[];
    try {
      responses = (await this.executor.send(requests)).responses ?? [];
    } catch (error) {
      responses = requests.map((request) => batchFailure(request.id, error));
    }
    const byId = new Map(responses.map((response) => [String(response.id), response]));
    let trouble = false;
    for (const [position, item] of batch.entries()) {
      const mailbox = item.call.mailbox;
      if (mailbox) this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 1) - 1);
      const response = byId.get(String(position + 1)) ?? {
        id: String(position + 1),
        status: 500,
        body: { error: { code: 'MissingBatchResponse' } },
      };
      item.attempts += 1;
      if (response.status === 429) item.throttles += 1;
      if (this.mayRetry(item, response.status)) {
        trouble = this.scheduleRetry(item, response) || trouble;
        continue;
      }
      this.finish(item, response);
    }
    if (trouble) this.executor.shrink();
    else this.executor.grow();
  }

  private mayRetry(item: Item<C>, status: number): boolean {
    const { maxAttempts, maxThrottles } = this.executor.options;
    if (status === 429) return item.throttles < maxThrottles;
    return RETRYABLE.has(status) && item.attempts - item.throttles < maxAttempts;
  }

  /** Requeues a throttled or failed call; true when the trouble was global (not one mailbox). */
  private scheduleRetry(item: Item<C>, response: BatchResponseItem): boolean {
    const { stats, options } = this.executor;
    stats.retried += 1;
    const now = Date.now();
    const retryAfter = retryAfterMs(response.headers);
    const backoff = jitteredBackoff(item.attempts, options.baseDelayMs, options.maxDelayMs);
    const mailbox = item.call.mailbox;
    this.pending.push(item);
    if (response.status === 429) {
      stats.throttled += 1;
      const wait = retryAfter ?? backoff;
      if (mailbox) {
        this.pausedUntil.set(mailbox, Math.max(this.pausedUntil.get(mailbox) ?? 0, now + wait));
        return false;
      }
      item.notBefore = now + wait;
      return true;
    }
    item.notBefore = now + (retryAfter ?? backoff);
    return true;
  }

  private finish(item: Item<C>, response: BatchResponseItem): void {
    const result: GraphCallResult<C> = {
      call: item.call,
      status: response.status,
      headers: response.headers ?? {},
      body: response.body,
      attempts: item.attempts,
    };
    this.results[item.index] = result;
    this.onResult?.(result);
    this.remaining -= 1;
    if (this.remaining === 0) this.resolve(this.results);
  }
}

function batchFailure(id: string, error: unknown): BatchResponseItem {
  const failure = error as {
    statusCode?: number;
    headers?: Headers | Record<string, string>;
    code?: string;
    message?: string;
  };
  const status = typeof failure.statusCode === 'number' && failure.statusCode > 0 ? failure.statusCode : 503;
  const headers: Record<string, string> = {};
  if (failure.headers instanceof Headers) failure.headers.forEach((value, key) => (headers[key] = value));
  else if (failure.headers) Object.assign(headers, failure.headers);
  return {
    id,
    status,
    headers,
    body: { error: { code: failure.code ?? 'BatchFailed', message: failure.message ?? String(error) } },
  };
}

/** Retry-After in milliseconds: integer or fractional seconds, any header case. */
export function retryAfterMs(headers: Record<string, string> | undefined): number | null {
  if (!headers) return null;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  if (!entry) return null;
  const seconds = Number(entry[1]);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(entry[1]);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

export function jitteredBackoff(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
