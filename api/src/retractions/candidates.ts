// Which mailboxes to search: known copies from the message index, the recipients in the original
// headers expanded through the directory (aliases, distribution lists, nested groups), and — when
// asked — every mailbox in the published domains. An explicit mailbox list narrows it to those.
import type { RetractionScope } from '../db/schema/index.js';
import type { DirectoryService, MailboxRef } from '../directory/directory-service.js';
import type { MessageIndex } from '../messages/message-index.js';

export interface CandidateSet {
  mailboxes: MailboxRef[];
  notes: string[];
}

export interface CandidateInput {
  tenantId: string;
  internetMessageId: string;
  /** Recipient addresses known from the message's headers (To, Cc) besides the index. */
  recipients: string[];
  sender: string | null;
  scope: RetractionScope;
}

const PAGE = 1_000;

export async function findCandidates(
  directory: DirectoryService,
  index: MessageIndex,
  input: CandidateInput,
): Promise<CandidateSet> {
  const notes: string[] = [];
  const found = new Map<string, MailboxRef>();
  const add = (refs: MailboxRef[]) => refs.forEach((ref) => found.set(ref.id, ref));

  if (input.scope.mailboxes?.length) {
    add(await directory.expandAddresses(input.tenantId, input.scope.mailboxes));
    const missing = input.scope.mailboxes.length - found.size;
    if (missing > 0) notes.push(`${missing} of the named mailboxes are not in the directory`);
    return { mailboxes: [...found.values()], notes };
  }

  const known = await index.copiesOf(input.tenantId, input.internetMessageId);
  const recipients = new Set(input.recipients.map((r) => r.toLowerCase()));
  for (const copy of known) for (const recipient of copy.recipients) recipients.add(recipient.toLowerCase());
  add(await directory.expandAddresses(input.tenantId, [...new Set(known.map((copy) => copy.mailboxUpn))]));
  add(await directory.expandAddresses(input.tenantId, [...recipients]));
  if (input.scope.includeSenderCopy && input.sender)
    add(await directory.expandAddresses(input.tenantId, [input.sender]));
  else if (input.sender) {
    const sender = await directory.findMailbox(input.tenantId, input.sender);
    if (sender && found.delete(sender.id))
      notes.push("the sender's own mailbox is left out (includeSenderCopy to include it)");
  }

  if (input.scope.allPublished) {
    for await (const page of directory.publishedMailboxes(input.tenantId, PAGE)) add(page);
  } else if (found.size === 0) {
    notes.push(
      'no known copies or recipients: search every mailbox in the published domains with scope.allPublished',
    );
  }
  return { mailboxes: [...found.values()], notes };
}
