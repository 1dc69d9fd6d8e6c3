// One resource's delta round, page by page. Where it starts: the stored next link (a round a crash
// interrupted), else the stored delta link (an incremental round), else a new initial round. Each
// page's rows and the state that follows them (its next link, counters) commit together, so a kill
// at any point loses nothing and repeats at most the pages in flight, which upsert to the same rows.
// The next page is fetched while the current one commits.
// The initial round ends by pruning rows it did not see; an expired delta token restarts it.
import type { Database, Executor } from '../db/client.js';
import type { SyncResource } from '../db/schema/index.js';
import { GraphPageError, type GraphPage, type GraphReader } from './graph-pages.js';
import type { SyncStatePatch, SyncStateRepository, SyncStateRow } from './sync-state-repository.js';

export class SyncAborted extends Error {
  constructor() {
    super('the directory sync was stopped (shutdown)');
  }
}

export interface PageResult {
  processed: number;
  /** Changes counted under the companion phase (memberships, for groups). */
  companionProcessed?: number;
}

export interface DeltaResource<T> {
  resource: SyncResource;
  /** Progress of work carried inside this resource's pages (members@delta in groups). */
  companion?: SyncResource;
  /** The initial request, relative to the Graph version root. */
  firstUrl: string;
  /** How many objects an initial round should expect (for the ETA), or null. */
  expected(): Promise<number | null>;
  applyPage(items: T[], round: number, tx: Executor): Promise<PageResult>;
  /** Deletes rows no page of initial round `round` carried; answers how many. */
  prune(round: number, tx: Executor): Promise<number>;
}

export interface DeltaContext {
  tenantId: string;
  db: Database;
  reader: GraphReader;
  states: SyncStateRepository;
  pageSize: number;
  signal: AbortSignal;
}

interface Round {
  url: string;
  state: SyncStateRow;
  companion: SyncStateRow | null;
}

export async function runDeltaPhase<T>(context: DeltaContext, resource: DeltaResource<T>): Promise<void> {
  const headers = { Prefer: `odata.maxpagesize=${context.pageSize}` };
  const fetchPage = (url: string) => {
    const page = context.reader.get<GraphPage<T>>(url, headers);
    // Awaited later; until then a failure must not count as unhandled.
    page.catch(() => undefined);
    return page;
  };
  let round = await openRound(context, resource);
  let pending = fetchPage(round.url);
  let restarted = false;
  for (;;) {
    if (context.signal.aborted) throw new SyncAborted();
    let page: GraphPage<T>;
    try {
      page = await pending;
    } catch (error) {
      if (!(error instanceof GraphPageError) || !error.resyncRequired || restarted) throw error;
      // The delta token expired: a new initial round, once.
      restarted = true;
      await context.states.save(context.tenantId, resource.resource, { deltaLink: null, nextLink: null });
      round = await openRound(context, resource);
      pending = fetchPage(round.url);
      continue;
    }
    if (context.signal.aborted) throw new SyncAborted();
    // The next page travels while this one commits. Its link is stored only with this commit, so a
    // crash now repeats nothing and skips nothing.
    const next = page['@odata.nextLink'];
    if (next && !page['@odata.deltaLink']) pending = fetchPage(context.reader.relative(next));
    const done = await context.db.transaction((tx) => commitPage(context, resource, round, page, tx));
    if (done) return;
  }
}

async function openRound<T>(context: DeltaContext, resource: DeltaResource<T>): Promise<Round> {
  const { tenantId, states, reader } = context;
  const state = await states.get(tenantId, resource.resource);
  const companion = resource.companion ? await states.get(tenantId, resource.companion) : null;
  if (state.nextLink) {
    const patch: SyncStatePatch = { status: 'running', lastError: null };
    await saveBoth(context, resource, patch, patch);
    return { url: reader.relative(state.nextLink), state: { ...state, ...patch }, companion };
  }
  const initial = !state.deltaLink;
  const now = new Date();
  const patch: SyncStatePatch = {
    status: 'running',
    mode: initial ? 'initial' : 'incremental',
    round: initial ? state.round + 1 : state.round,
    processed: 0,
    pages: 0,
    expected: initial ? await resource.expected().catch(() => null) : null,
    ratePerSecond: null,
    startedAt: now,
    finishedAt: null,
    lastError: null,
  };
  const companionPatch: SyncStatePatch = { ...patch, expected: null };
  await saveBoth(context, resource, patch, companionPatch);
  return {
    url: initial ? resource.firstUrl : reader.relative(state.deltaLink!),
    state: { ...state, ...patch },
    companion: companion && { ...companion, ...companionPatch },
  };
}

async function commitPage<T>(
  context: DeltaContext,
  resource: DeltaResource<T>,
  round: Round,
  page: GraphPage<T>,
  tx: Executor,
): Promise<boolean> {
  const { state, companion } = round;
  const result = await resource.applyPage(page.value ?? [], state.round, tx);
  const deltaLink = page['@odata.deltaLink'] ?? null;
  const now = new Date();
  const elapsed = Math.max(0.001, (now.getTime() - (state.startedAt ?? now).getTime()) / 1000);
  state.processed += result.processed;
  state.pages += 1;
  const patch: SyncStatePatch = {
    processed: state.processed,
    pages: state.pages,
    ratePerSecond: state.processed / elapsed,
    nextLink: page['@odata.nextLink'] ?? null,
  };
  let companionPatch: SyncStatePatch | null = null;
  if (companion) {
    companion.processed += result.companionProcessed ?? 0;
    companion.pages += 1;
    companionPatch = {
      processed: companion.processed,
      pages: companion.pages,
      ratePerSecond: companion.processed / elapsed,
    };
  }
  if (deltaLink) {
    const pruned = state.mode === 'initial' ? await resource.prune(state.round, tx) : 0;
    const finished = { status: 'completed', finishedAt: now, lastSuccessAt: now } as const;
    Object.assign(patch, finished, { deltaLink, nextLink: null, details: { pruned } });
    if (companionPatch) Object.assign(companionPatch, finished);
  } else if (!patch.nextLink) {
    throw new Error(`Graph ended a ${resource.resource} delta page with neither a next nor a delta link`);
  }
  await context.states.save(context.tenantId, resource.resource, patch, tx);
  if (resource.companion && companionPatch)
    await context.states.save(context.tenantId, resource.companion, companionPatch, tx);
  return deltaLink !== null;
}

async function saveBoth<T>(
  context: DeltaContext,
  resource: DeltaResource<T>,
  patch: SyncStatePatch,
  companionPatch: SyncStatePatch,
): Promise<void> {
  await context.states.save(context.tenantId, resource.resource, patch);
  if (resource.companion) await context.states.save(context.tenantId, resource.companion, companionPatch);
}
