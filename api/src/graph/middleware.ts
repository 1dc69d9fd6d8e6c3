// Graph SDK middleware: the request goes out through our outbound HTTPS (trusted CA, pooled
// connections), and mail calls ask for immutable ids so ids survive moves.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Fetch } from './http.js';

const MAIL_PATH = /\/users\/[^/]+\/(messages|mailFolders|events|calendarView|sendMail)/i;
export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';

/** Adds `Prefer: IdType="ImmutableId"` to every mail and calendar request. */
export class ImmutableIdHandler implements Middleware {
  private next?: Middleware;

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (MAIL_PATH.test(new URL(url).pathname)) {
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
