// The monitored individuals of a data source as mailboxes: people and shared mailboxes by address,
// groups expanded transitively (a distribution list is not a mailbox: its members are), and every
// mailbox of the chosen published domains. Addresses the directory does not know are kept, so the
// batch reports them as not found instead of dropping them silently.
import type { DirectoryService, MailboxRef } from '../directory/directory-service.js';
import type { BatchError, MonitoredColumn } from '../db/schema/index.js';

export interface Custodian {
  mailboxId: string;
  upn: string;
  /** Null when the directory knows the mailbox; else why it cannot be collected. */
  unresolved: string | null;
}

const PAGE = 500;

export async function resolveCustodians(
  directory: DirectoryService,
  tenantId: string,
  monitored: MonitoredColumn,
): Promise<{ custodians: Custodian[]; notes: BatchError[] }> {
  const byId = new Map<string, Custodian>();
  const notes: BatchError[] = [];
  const add = (ref: MailboxRef) => {
    if (!byId.has(ref.id)) byId.set(ref.id, { mailboxId: ref.id, upn: ref.upn, unresolved: null });
  };

  for (const address of monitored.users) {
    const ref = await directory.findMailbox(tenantId, address);
    if (ref) add(ref);
    else {
      const key = address.toLowerCase();
      byId.set(key, { mailboxId: key, upn: key, unresolved: 'not in the directory' });
    }
  }
  for (const group of monitored.groups) {
    const members = await directory.expandAddresses(tenantId, [group]);
    if (members.length === 0)
      notes.push({ mailbox: group, error: 'the group has no members with a mailbox' });
    members.forEach(add);
  }
  if (monitored.domains.length) {
    const wanted = new Set(monitored.domains.map((d) => d.toLowerCase()));
    const published = new Set((await directory.publishedDomains(tenantId)).map((d) => d.toLowerCase()));
    for (const domain of wanted)
      if (!published.has(domain)) notes.push({ mailbox: null, error: `domain ${domain} is not published` });
    for await (const page of directory.publishedMailboxes(tenantId, PAGE))
      for (const ref of page) if (wanted.has(ref.domain.toLowerCase())) add(ref);
  }
  const custodians = [...byId.values()].sort((a, b) => a.upn.localeCompare(b.upn));
  return { custodians, notes };
}
