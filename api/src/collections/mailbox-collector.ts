// Collects one mailbox for one batch window: its visible folders (quick discovery first, when on),
// each folder's messages received in the window with their attachments' metadata, and calendar
// events for mail+calendar sources. Items are stored page by page and each finished folder is
// recorded, so a job that dies mid-mailbox resumes with the folders it had not finished.
import type { CollectionRow } from './repository.js';
import type { GraphCallResult } from '../graph/executor.js';
import type { BulkRunner } from './coalescing.js';
import type { MessageCopyInput, MessageIndex } from '../messages/message-index.js';
import type { MailboxProgress } from '../db/schema/index.js';
import { discoverFolders, type CollectedFolder } from './folders.js';
import {
  attachmentsCall,
  calendarCall,
  graphFailure,
  mailboxVerdict,
  messagesCall,
  type CollectionCall,
} from './graph-calls.js';
import type { ItemRepository } from './item-repository.js';
import {
  eventItem,
  indexCopy,
  messageItem,
  storedAttachments,
  type MailboxContext,
  type NewItem,
  type WireAttachment,
  type WireEvent,
  type WireMessage,
} from './items.js';
import { pageAll } from './paging.js';
import { foldersToList } from './quick-discovery.js';

export interface CollectorDeps {
  executor: BulkRunner;
  graphBaseUrl: string;
  items: ItemRepository;
  index: MessageIndex;
}

export interface MailboxRun {
  context: MailboxContext;
  collection: CollectionRow;
  window: { start: Date; end: Date };
  progress: MailboxProgress;
  quickDiscovery: boolean;
  saveProgress(progress: MailboxProgress): Promise<void>;
  /** Aborting stops the run between pages, as a crash would. */
  signal?: AbortSignal;
}

export interface MailboxOutcome {
  status: 'collected' | 'noChanges' | 'inactive' | 'outOfScope' | 'notFound' | 'failed';
  reason: string | null;
}

export async function collectMailbox(deps: CollectorDeps, run: MailboxRun): Promise<MailboxOutcome> {
  const { context, collection, window } = run;
  const mailbox = context.mailboxId;
  const discovery = await discoverFolders(deps.executor, deps.graphBaseUrl, mailbox);
  if (!discovery.ok) return refused(discovery.failure);
  run.signal?.throwIfAborted();

  const progress: MailboxProgress = { folders: [...run.progress.folders], calendar: run.progress.calendar };
  let folders = discovery.folders.filter((f) => !progress.folders.includes(f.id));
  const discovered = folders.length;
  if (run.quickDiscovery) {
    const toList = await foldersToList(
      {
        ...deps,
        tenantId: context.tenantId,
        collectionId: context.collectionId,
        mailboxId: mailbox,
        collectFrom: collection.collectFrom,
        windowStart: window.start,
      },
      folders,
    );
    // Folders with nothing in the window are settled for this batch: a resumed run skips them.
    const skipped = folders.filter((f) => !toList.includes(f));
    if (skipped.length) {
      progress.folders.push(...skipped.map((f) => f.id));
      await run.saveProgress(progress);
    }
    folders = toList;
  }
  const failures: string[] = [];
  await collectFolders(deps, run, folders, progress, failures);
  let events = 0;
  if (collection.type === 'mailAndCalendar' && !progress.calendar)
    events = await collectCalendar(deps, run, progress, failures);

  if (failures.length) return { status: 'failed', reason: failures.slice(0, 3).join('; ') };
  const skippedAll = run.quickDiscovery && discovered > 0 && folders.length === 0 && events === 0;
  return {
    status: skippedAll ? 'noChanges' : 'collected',
    reason: discovery.hiddenSkipped ? `${discovery.hiddenSkipped} hidden folder(s) not collected` : null,
  };
}

function refused(failure: GraphCallResult<CollectionCall>): MailboxOutcome {
  const verdict = mailboxVerdict(failure.status, failure.body);
  return { status: verdict ?? 'failed', reason: graphFailure(failure.status, failure.body) };
}

async function collectFolders(
  deps: CollectorDeps,
  run: MailboxRun,
  folders: CollectedFolder[],
  progress: MailboxProgress,
  failures: string[],
): Promise<void> {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const failed = new Set<string>();
  const { settings } = run.collection;
  const calls = folders.map((f) =>
    messagesCall(run.context.mailboxId, f.id, run.window.start, run.window.end),
  );
  await pageAll(deps.executor, deps.graphBaseUrl, calls, {
    async page(call, body, last) {
      const folder = byId.get(call.ref)!;
      const messages = ((body.value ?? []) as unknown as WireMessage[]).filter(
        (m) => settings.collectDrafts || !m.isDraft,
      );
      const stored = await storeMessages(deps, run, folder, messages);
      if (!stored.ok) {
        failed.add(folder.id);
        failures.push(`${folder.label}: ${stored.reason}`);
      }
      if (last && !failed.has(folder.id)) {
        progress.folders.push(folder.id);
        await run.saveProgress(progress);
      }
      run.signal?.throwIfAborted();
    },
    failure(result) {
      failed.add(result.call.ref);
      failures.push(
        `${byId.get(result.call.ref)?.label ?? 'folder'}: ${graphFailure(result.status, result.body)}`,
      );
    },
  });
}

async function storeMessages(
  deps: CollectorDeps,
  run: MailboxRun,
  folder: CollectedFolder,
  messages: WireMessage[],
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (messages.length === 0) return { ok: true };
  const mailbox = run.context.mailboxId;
  const withAttachments = messages.filter((m) => m.hasAttachments);
  const attachments = new Map<string, WireAttachment[]>();
  for (const result of await deps.executor.run(withAttachments.map((m) => attachmentsCall(mailbox, m.id)))) {
    if (result.status !== 200)
      return { ok: false, reason: `attachments: ${graphFailure(result.status, result.body)}` };
    attachments.set(
      result.call.ref,
      ((result.body as { value?: WireAttachment[] }).value ?? []) as WireAttachment[],
    );
  }
  const now = new Date();
  const items: NewItem[] = [];
  const copies: MessageCopyInput[] = [];
  for (const message of messages) {
    const item = messageItem(
      run.context,
      folder,
      message,
      storedAttachments(attachments.get(message.id) ?? []),
      now,
    );
    items.push(item);
    const copy = indexCopy(item, message.isRead ?? null);
    if (copy) copies.push(copy);
  }
  await deps.items.upsert(items);
  await deps.index.upsert(copies);
  return { ok: true };
}

async function collectCalendar(
  deps: CollectorDeps,
  run: MailboxRun,
  progress: MailboxProgress,
  failures: string[],
): Promise<number> {
  let count = 0;
  let ok = true;
  const call = calendarCall(run.context.mailboxId, run.window.start, run.window.end);
  await pageAll(deps.executor, deps.graphBaseUrl, [call], {
    async page(_call, body, last) {
      const now = new Date();
      const events = (body.value ?? []) as unknown as WireEvent[];
      await deps.items.upsert(events.map((event) => eventItem(run.context, event, now)));
      count += events.length;
      if (last && ok) {
        progress.calendar = true;
        await run.saveProgress(progress);
      }
      run.signal?.throwIfAborted();
    },
    failure(result) {
      ok = false;
      failures.push(`calendar: ${graphFailure(result.status, result.body)}`);
    },
  });
  return count;
}
