// Method + path routing on find-my-way (Fastify's router), returning plain handlers so that the
// HTTP server and the `$batch` executor dispatch through the same table.
import FindMyWay from 'find-my-way';
import type { Handler } from './types.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
  /** The route pattern, used for per-endpoint statistics. */
  pattern: string;
}

interface Store {
  handler: Handler;
  pattern: string;
}

export class Router {
  private readonly table = FindMyWay({
    ignoreTrailingSlash: true,
    caseSensitive: false,
    maxParamLength: 2048,
  });

  on(method: Method, pattern: string, handler: Handler): this {
    const store: Store = { handler, pattern };
    // find-my-way treats ':' as a parameter marker, so literal '$' segments need no escaping.
    this.table.on(method, pattern, () => undefined, store);
    return this;
  }

  find(method: string, path: string): RouteMatch | null {
    const found = this.table.find(method as Method, path);
    if (!found) return null;
    const store = found.store as Store;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(found.params)) if (value !== undefined) params[key] = value;
    return { handler: store.handler, params, pattern: store.pattern };
  }

  /** True when the path exists for some other method (→ 405 rather than 404). */
  hasPath(path: string): boolean {
    return (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).some(
      (m) => this.table.find(m, path) !== null,
    );
  }
}
