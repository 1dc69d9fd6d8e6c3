// What other features need from the directory: mailboxes behind addresses (aliases, distribution
// lists, nested groups), which domains are published, and the mailboxes in them. The directory
// feature implements it over its synced store; retraction, reporting and collection only call it.

export type MailboxKind = 'user' | 'shared' | 'none';

export interface MailboxRef {
  /** The mailbox owner's object id. */
  id: string;
  upn: string;
  /** Primary SMTP address, if mail-enabled. */
  mail: string | null;
  kind: MailboxKind;
  /** Domain of the primary address (or UPN). */
  domain: string;
  /** True when that domain is published (protected by Clawback). */
  published: boolean;
}

export interface DirectoryService {
  /** Mailboxes reached by these SMTP addresses: users directly or by alias, groups transitively. */
  expandAddresses(tenantId: string, addresses: string[]): Promise<MailboxRef[]>;
  /** A mailbox by object id, UPN or any of its addresses. */
  findMailbox(tenantId: string, idOrAddress: string): Promise<MailboxRef | null>;
  /** Every mailbox in the published domains, in pages (never the whole tenant in memory). */
  publishedMailboxes(tenantId: string, pageSize: number): AsyncIterable<MailboxRef[]>;
  publishedDomains(tenantId: string): Promise<string[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Provided by the directory plugin. */
    directory: DirectoryService;
  }
}
