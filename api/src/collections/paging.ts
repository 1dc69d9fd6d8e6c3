// Paged Graph reads through the bulk executor: every collection's first page goes out at once, and
// each answer's @odata.nextLink becomes the next round's call, so many folders (and mailboxes) page
// side by side while the executor keeps each mailbox within Exchange's limits.
import type { GraphCallResult } from '../graph/executor.js';
import type { BulkRunner } from './coalescing.js';
import { followCall, type CollectionCall } from './graph-calls.js';

export interface GraphPage<T = Record<string, unknown>> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface PageHandlers<C extends CollectionCall> {
  /** Called for each page in arrival order; `last` is true on a collection's final page. */
  page(call: C, body: GraphPage, last: boolean): Promise<void>;
  /** A call that did not answer 200; its collection stops there. */
  failure(result: GraphCallResult<C>): Promise<void> | void;
}

export async function pageAll<C extends CollectionCall>(
  executor: BulkRunner,
  graphBaseUrl: string,
  first: C[],
  handlers: PageHandlers<C>,
): Promise<void> {
  let calls = first;
  while (calls.length > 0) {
    const next: C[] = [];
    for (const result of await executor.run(calls)) {
      if (result.status !== 200) {
        await handlers.failure(result);
        continue;
      }
      const body = (result.body ?? {}) as GraphPage;
      const link = body['@odata.nextLink'];
      await handlers.page(result.call, body, !link);
      if (link) next.push(followCall(result.call, link, graphBaseUrl));
    }
    calls = next;
  }
}
