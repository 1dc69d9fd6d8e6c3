// What the sandbox saw, for tests and benchmarks to assert on instead of mocks.

export interface MessageActions {
  move: number;
  delete: number;
  permanentDelete: number;
}

export class SandboxStats {
  totalRequests = 0;
  graphRequests = 0;
  batchRequests = 0;
  throttled = 0;
  injectedErrors = 0;
  droppedConnections = 0;
  readonly byEndpoint = new Map<string, number>();
  readonly actionsByMessage = new Map<string, MessageActions>();

  countEndpoint(method: string, pattern: string): void {
    const key = `${method} ${pattern}`;
    this.byEndpoint.set(key, (this.byEndpoint.get(key) ?? 0) + 1);
  }

  countAction(internetMessageId: string, action: keyof MessageActions): void {
    const entry = this.actionsByMessage.get(internetMessageId) ?? { move: 0, delete: 0, permanentDelete: 0 };
    entry[action] += 1;
    this.actionsByMessage.set(internetMessageId, entry);
  }

  reset(): void {
    this.totalRequests = 0;
    this.graphRequests = 0;
    this.batchRequests = 0;
    this.throttled = 0;
    this.injectedErrors = 0;
    this.droppedConnections = 0;
    this.byEndpoint.clear();
    this.actionsByMessage.clear();
  }

  snapshot(peakConcurrency: Map<string, number>, mailboxName: (id: string) => string) {
    return {
      totalRequests: this.totalRequests,
      graphRequests: this.graphRequests,
      batchRequests: this.batchRequests,
      throttled: this.throttled,
      injectedErrors: this.injectedErrors,
      droppedConnections: this.droppedConnections,
      byEndpoint: Object.fromEntries([...this.byEndpoint].sort((a, b) => b[1] - a[1])),
      maxConcurrencyByMailbox: Object.fromEntries(
        [...peakConcurrency].map(([id, n]) => [mailboxName(id), n]),
      ),
      maxConcurrency: Math.max(0, ...peakConcurrency.values()),
      actionsByMessage: Object.fromEntries(this.actionsByMessage),
    };
  }
}
