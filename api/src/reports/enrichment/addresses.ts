// Mail addresses as enrichment shows them: name, address (lower case) and domain.
import { domainToUnicode } from 'node:url';

export interface AddressFacts {
  name: string | null;
  address: string;
  domain: string;
}

export function addressFacts(
  input: { name?: string | null; address?: string | null } | null | undefined,
): AddressFacts | null {
  const address = input?.address?.trim().toLowerCase();
  if (!address) return null;
  return { name: input?.name?.trim() || null, address, domain: domainOf(address) };
}

/** The domain of an address, in Unicode when it arrived as punycode. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = (at >= 0 ? address.slice(at + 1) : address).toLowerCase().replace(/\.$/, '');
  return unicodeDomain(domain);
}

export function unicodeDomain(domain: string): string {
  if (!domain.split('.').some((label) => label.startsWith('xn--'))) return domain;
  return domainToUnicode(domain) || domain;
}
