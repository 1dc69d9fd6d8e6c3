// What the transport headers say: SPF, DKIM and DMARC results from Authentication-Results (the
// topmost one, added by the receiving organisation), and the Received chain, newest hop first.

export interface Header {
  name: string;
  value: string;
}

export interface AuthenticationFacts {
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
}

export interface ReceivedHop {
  from: string | null;
  by: string | null;
  ip: string | null;
  date: string | null;
}

const MAX_HOPS = 50;

export function headerValues(headers: readonly Header[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => unfold(h.value));
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

export function authenticationResults(headers: readonly Header[]): AuthenticationFacts {
  const results = headerValues(headers, 'Authentication-Results')[0] ?? '';
  const method = (name: string) => {
    const match = new RegExp(`(?:^|[;\\s])${name}\\s*=\\s*([a-z]+)`, 'i').exec(results);
    return match ? match[1]!.toLowerCase() : null;
  };
  const receivedSpf = /^\s*([a-z]+)/i.exec(headerValues(headers, 'Received-SPF')[0] ?? '');
  return {
    spf: method('spf') ?? receivedSpf?.[1]?.toLowerCase() ?? null,
    dkim: method('dkim'),
    dmarc: method('dmarc'),
  };
}

export function receivedChain(headers: readonly Header[]): ReceivedHop[] {
  return headerValues(headers, 'Received')
    .slice(0, MAX_HOPS)
    .map((value) => {
      const semicolon = value.lastIndexOf(';');
      const route = semicolon >= 0 ? value.slice(0, semicolon) : value;
      const date = semicolon >= 0 ? value.slice(semicolon + 1).trim() : '';
      return {
        from: /\bfrom\s+([^\s;()]+)/i.exec(route)?.[1] ?? null,
        by: /\bby\s+([^\s;()]+)/i.exec(route)?.[1] ?? null,
        ip: ipIn(route),
        date: date || null,
      };
    });
}

function ipIn(route: string): string | null {
  const v4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(route);
  if (v4) return v4[1]!;
  const v6 = /\[(?:IPv6:)?([0-9a-f:]{3,})\]|\(([0-9a-f]*:[0-9a-f:]+)\)/i.exec(route);
  return v6 ? (v6[1] ?? v6[2] ?? null) : null;
}
