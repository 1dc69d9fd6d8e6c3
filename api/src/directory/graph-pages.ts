// One Graph collection page at a time, through the platform's throttling-aware executor (which
// retries 429 and 5xx with Retry-After and backoff). Paging is sequential by nature; the executor
// still gives each page its retries without the SDK's multi-second fixed delays. Links Graph hands
// back are followed only when they point at the configured Graph root.
import type { GraphCallResult, GraphExecutor } from '../graph/executor.js';

export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  '@odata.count'?: number;
}

/** A Graph answer that is not a success, after the executor's retries. */
export class GraphPageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`Graph ${status} ${code}: ${message}`);
  }

  /** Worth another try later (throttling, outages); permission and request errors are not. */
  get transient(): boolean {
    return this.status === 429 || this.status >= 500;
  }

  /** The delta token expired or the tenant changed: the round must start over. */
  get resyncRequired(): boolean {
    return this.status === 410 || this.code === 'resyncRequired' || this.code === 'syncStateNotFound';
  }
}

export interface GraphReader {
  get<T>(url: string, headers?: Record<string, string>): Promise<T>;
  /** Several independent reads fanned out through the executor, in the order given. */
  getAll<T>(urls: string[]): Promise<T[]>;
  /** A link Graph gave us, as a URL relative to the version root. */
  relative(link: string): string;
}

function bodyOf<T>(result: GraphCallResult): T {
  if (result.status >= 200 && result.status < 300) return result.body as T;
  const error = (result.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new GraphPageError(result.status, error?.code ?? 'unknown', error?.message ?? 'no message');
}

export function createGraphReader(executor: GraphExecutor, graphBaseUrl: string): GraphReader {
  const root = graphBaseUrl.replace(/\/$/, '');
  return {
    async get<T>(url: string, headers?: Record<string, string>): Promise<T> {
      const [result] = await executor.run([{ method: 'GET', url, ...(headers ? { headers } : {}) }]);
      return bodyOf<T>(result!);
    },
    async getAll<T>(urls: string[]): Promise<T[]> {
      const results = await executor.run(urls.map((url) => ({ method: 'GET' as const, url })));
      return results.map((result) => bodyOf<T>(result));
    },
    relative(link: string): string {
      if (!link.startsWith(`${root}/`)) throw new Error('Graph returned a link outside its own root');
      return link.slice(root.length);
    },
  };
}
