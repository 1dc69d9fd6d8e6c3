// Fault injection: what a real tenant does to a client on a bad day. Configurable at start and live
// through PUT /_sandbox/faults.

export type RetryAfterStyle = 'integer' | 'fractional' | 'absent';

export interface FaultConfig {
  /** Added to every Graph request while it holds its mailbox slot. */
  latencyMs: number;
  /** Uniform extra latency in [0, jitterMs). */
  jitterMs: number;
  /** Fraction of Graph requests answered 503 or 504. */
  errorRate: number;
  /** Fraction of Graph requests whose connection is dropped without an answer. */
  dropRate: number;
  /** Fraction of mailbox requests answered 429 regardless of load: a throttling storm. */
  throttleRate: number;
  /** Exchange's per app per mailbox limits. */
  throttle: { enabled: boolean; concurrency: number; requestsPer10Minutes: number };
  /** How 429s carry Retry-After. */
  retryAfter: RetryAfterStyle;
  retryAfterSeconds: number;
  /** Mailboxes (UPN or id) the app may touch, as an application access policy; null: all. */
  accessScope: string[] | null;
}

export function defaultFaults(): FaultConfig {
  return {
    latencyMs: 0,
    jitterMs: 0,
    errorRate: 0,
    dropRate: 0,
    throttleRate: 0,
    throttle: { enabled: true, concurrency: 4, requestsPer10Minutes: 10_000 },
    retryAfter: 'integer',
    retryAfterSeconds: 1,
    accessScope: null,
  };
}

export function mergeFaults(current: FaultConfig, change: Partial<FaultConfig>): FaultConfig {
  return { ...current, ...change, throttle: { ...current.throttle, ...(change.throttle ?? {}) } };
}

/** Validates a fault change from the control API; returns the problems found. */
export function faultProblems(change: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const known = new Set(Object.keys(defaultFaults()));
  for (const key of Object.keys(change)) if (!known.has(key)) problems.push(`unknown fault '${key}'`);
  const fraction = (key: string) => {
    const v = change[key];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1))
      problems.push(`${key} must be a number from 0 to 1`);
  };
  const millis = (key: string) => {
    const v = change[key];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 60_000))
      problems.push(`${key} must be 0 to 60000 ms`);
  };
  fraction('errorRate');
  fraction('dropRate');
  fraction('throttleRate');
  millis('latencyMs');
  millis('jitterMs');
  if (
    change.retryAfter !== undefined &&
    !['integer', 'fractional', 'absent'].includes(change.retryAfter as string)
  )
    problems.push("retryAfter must be 'integer', 'fractional' or 'absent'");
  if (change.accessScope !== undefined && change.accessScope !== null && !Array.isArray(change.accessScope))
    problems.push('accessScope must be a list of mailboxes or null');
  return problems;
}

export function retryAfterHeader(config: FaultConfig): Record<string, string> {
  switch (config.retryAfter) {
    case 'absent':
      return {};
    case 'fractional':
      return { 'retry-after': (config.retryAfterSeconds + 0.5).toFixed(1) };
    default:
      return { 'retry-after': String(Math.max(1, Math.round(config.retryAfterSeconds))) };
  }
}

export function injectedLatency(config: FaultConfig): number {
  return config.latencyMs + (config.jitterMs > 0 ? Math.random() * config.jitterMs : 0);
}
