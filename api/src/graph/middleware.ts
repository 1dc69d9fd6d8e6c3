// Graph SDK middleware: the request goes out through our outbound HTTPS (trusted CA, pooled
// connections), and mail calls ask for immutable ids so ids survive moves.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Fetch } from './http.js';

const MAIL_PATH = /\/users\/[^/]+\/(messages|mailFolders|events|calendarView|sendMail)/i;
export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';

/** True for mail and calendar paths, which must ask for immutable ids. */
export function isMailPath(path: string): boolean {
  return MAIL_PATH.test(path);
}

/**
 * Adds the immutable-id preference to a `$batch` item: inner requests carry their own headers (the
 * outer request's Prefer does not reach them).
 */
export function withImmutableIds<T extends { url: string; headers?: Record<string, string> }>(request: T): T {
  if (!isMailPath(request.url.split('?')[0]!)) return request;
  const prefer = request.headers?.Prefer;
  if (prefer?.includes('IdType=')) return request;
  return {
    ...request,
    headers: {
      ...request.headers,
      Prefer: prefer ? `${prefer}, ${IMMUTABLE_ID_PREFERENCE}` : IMMUTABLE_ID_PREFERENCE,
    },
  };
}

/** Adds `Prefer: IdType="ImmutableId"` to every mail and calendar request. */
export class ImmutableIdHandler implements Middleware {
  private next?: Middleware;

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (isMailPath(new URL(url).pathname)) {
      const options = (context.options ??= {});
      const headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
      const prefer = headers.get('Prefer');
      if (!prefer?.includes('IdType='))
        headers.set('Prefer', prefer ? `${prefer}, ${IMMUTABLE_ID_PREFERENCE}` : IMMUTABLE_ID_PREFERENCE);
      const plain: Record<string, string> = {};
      headers.forEach((value, name) => (plain[name] = value));
      options.headers = plain;
    }
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The last link: performs the request with the given fetch. */
export class FetchHandler implements Middleware {
  constructor(private readonly fetch: Fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetch(context.request as string, context.options as RequestInit);
  }
}
