// Outbound HTTPS for Entra and Graph. In production the system trust store is enough; in sandbox
// mode (or behind a TLS-inspecting proxy) an extra CA is trusted for these clients only, never
// process-wide.
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

export type Fetch = typeof globalThis.fetch;

export interface OutboundHttp {
  fetch: Fetch;
  close(): Promise<void>;
}

export function createOutboundHttp(extraCaPem: string | null): OutboundHttp {
  const dispatcher = new Agent({
    // One secure context for every connection: passing `ca` instead would parse the whole trust
    // store again for each new connection, tens of milliseconds of CPU apiece.
    connect: extraCaPem
      ? { secureContext: createSecureContext({ ca: [...rootCertificates, extraCaPem] }) }
      : {},
    keepAliveTimeout: 30_000,
    // Bulk Graph work runs many requests at once; one connection each avoids head-of-line waits.
    connections: 256,
  });
  const fetch = ((input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) =>
    undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as Fetch;
  return { fetch, close: () => dispatcher.close() };
}
