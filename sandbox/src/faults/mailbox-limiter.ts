// Exchange's per app, per mailbox limits: at most N requests in flight and M requests in any
// 10-minute window. Mailboxes are independent of each other.

const WINDOW_MS = 10 * 60 * 1000;
const BUCKET_MS = 10 * 1000;

interface MailboxUsage {
  inFlight: number;
  /** Request counts per 10-second bucket over the last 10 minutes. */
  buckets: Map<number, number>;
}

export type Admission =
  { admitted: true; release: () => void } | { admitted: false; reason: 'concurrency' | 'rate' };

export class MailboxLimiter {
  private readonly usage = new Map<string, MailboxUsage>();
  /** Highest concurrency seen per mailbox, for stats. */
  readonly peakConcurrency = new Map<string, number>();

  admit(
    appId: string,
    mailboxId: string,
    limits: { concurrency: number; requestsPer10Minutes: number } | null,
  ): Admission {
    const key = `${appId}|${mailboxId}`;
    let usage = this.usage.get(key);
    if (!usage) {
      usage = { inFlight: 0, buckets: new Map() };
      this.usage.set(key, usage);
    }
    const now = Date.now();
    if (limits) {
      if (usage.inFlight >= limits.concurrency) return { admitted: false, reason: 'concurrency' };
      if (this.countInWindow(usage, now) >= limits.requestsPer10Minutes)
        return { admitted: false, reason: 'rate' };
    }
    const bucket = Math.floor(now / BUCKET_MS);
    usage.buckets.set(bucket, (usage.buckets.get(bucket) ?? 0) + 1);
    usage.inFlight += 1;
    if (usage.inFlight > (this.peakConcurrency.get(mailboxId) ?? 0))
      this.peakConcurrency.set(mailboxId, usage.inFlight);
    let released = false;
    const current = usage;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        current.inFlight -= 1;
      },
    };
  }

  reset(): void {
    this.usage.clear();
    this.peakConcurrency.clear();
  }

  private countInWindow(usage: MailboxUsage, now: number): number {
    const oldest = Math.floor((now - WINDOW_MS) / BUCKET_MS);
    let total = 0;
    for (const [bucket, count] of usage.buckets) {
      if (bucket <= oldest) usage.buckets.delete(bucket);
      else total += count;
    }
    return total;
  }
}
