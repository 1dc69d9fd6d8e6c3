// One transaction for a batch of one tenant's reports (intake-writer.ts gathers them): their
// campaigns (found or created), the reports, the evidence, the reporters' copies in the message
// index, the campaigns' counters and threshold rule, the audit rows and the jobs they start. Each
// statement covers the whole batch, so a batch costs about what one report used to. Either all of
// it is stored or none of it.
import type { AuditInput } from '../audit/audit-repository.js';
import type { Executor } from '../db/client.js';
import { systemActor } from './audit-actor.js';
import type { CampaignRow } from './campaign-repository.js';
import { placeInCampaigns } from './campaign-placement.js';
import type { ReportsContext } from './context.js';
import { buildReport, evidenceOf, indexCopy, jobsOf, received, type StoreInput } from './intake-rows.js';
import { sendInTransaction } from './job-outbox.js';
import type { ReportRow } from './report-repository.js';

export interface Stored {
  report: ReportRow;
  /** The person had reported this message before: `report` is that report. */
  duplicate: boolean;
}

/** Another writer stored one of these reports first; the batch must be stored again. */
export class ReportStoredElsewhere extends Error {
  constructor() {
    super('a report of the batch was stored by a concurrent intake');
  }
}

/** Some people of the batch had reported that message before: found when their insert did nothing. */
class RepeatsFound extends Error {
  constructor(readonly keys: { reporterId: string; internetMessageId: string }[]) {
    super('the batch repeats earlier reports');
  }
}

/**
 * Stores the reports (all of one tenant) in one transaction; answers each input's outcome, in
 * order. A repeat click is rare, so it is not looked for up front: when one shows at insert, the
 * transaction is rolled back, the earlier report read, and the rest stored again without it.
 */
export async function storeReports(ctx: ReportsContext, inputs: StoreInput[]): Promise<Stored[]> {
  const tenantId = inputs[0]!.caller.tenantId;
  if (inputs.some((i) => i.caller.tenantId !== tenantId)) throw new Error('one batch covers one tenant');
  const earlier = new Map<string, ReportRow>();
  for (;;) {
    try {
      return await ctx.db.transaction((tx) => storeBatch(ctx, tx, { tenantId, inputs, earlier }));
    } catch (error) {
      if (!(error instanceof RepeatsFound)) throw error;
      const found = await ctx.reports.findByReporterMessages(tenantId, error.keys);
      // The report it collided with was not committed after all: the writer tries again.
      if (found.length === 0) throw new ReportStoredElsewhere();
      for (const row of found) earlier.set(reportKey(row.reporterId, row.internetMessageId), row);
    }
  }
}

const reportKey = (reporterId: string, internetMessageId: string) => `${reporterId} ${internetMessageId}`;
const keyOfInput = (input: StoreInput) => reportKey(input.caller.oid, input.read.internetMessageId);

async function storeBatch(
  ctx: ReportsContext,
  tx: Executor,
  batch: { tenantId: string; inputs: StoreInput[]; earlier: Map<string, ReportRow> },
): Promise<Stored[]> {
  const { tenantId, inputs, earlier } = batch;
  const now = new Date();
  // A repeat click (of an earlier report, or of one in this very batch) answers the report it
  // repeats and stores nothing.
  const known = new Map<string, ReportRow | number>(earlier);
  const fresh: StoreInput[] = [];
  const plan = inputs.map((input): { repeats: ReportRow | number } | { stores: number } => {
    const key = keyOfInput(input);
    const seen = known.get(key);
    if (seen !== undefined) return { repeats: seen };
    known.set(key, fresh.length);
    return { stores: fresh.push(input) - 1 };
  });
  const stored = fresh.length ? await storeFresh(ctx, tx, tenantId, fresh, now) : [];
  return plan.map((entry) => {
    if ('stores' in entry) return { report: stored[entry.stores]!, duplicate: false };
    const { repeats } = entry;
    return { report: typeof repeats === 'number' ? stored[repeats]! : repeats, duplicate: true };
  });
}

/** Reports nobody stored before: answers their rows, in order. */
async function storeFresh(
  ctx: ReportsContext,
  tx: Executor,
  tenantId: string,
  inputs: StoreInput[],
  now: Date,
): Promise<ReportRow[]> {
  const placements = await placeInCampaigns(ctx, tx, { tenantId, reads: inputs.map((i) => i.read), now });
  let rows = inputs.map((input, i) => buildReport(input, placements[i]!.campaign, now));
  const inserted = await ctx.reports.insertMany(rows, tx);
  if (inserted.size !== rows.length)
    throw new RepeatsFound(
      rows
        .filter((r) => !inserted.has(r.id))
        .map((r) => ({ reporterId: r.reporterId, internetMessageId: r.internetMessageId })),
    );
  await ctx.reports.insertEvidenceMany(
    rows.map((row, i) => evidenceOf(row, inputs[i]!.read)),
    tx,
  );
  await ctx.messageIndex.upsert(
    inputs.map((input) => indexCopy(input)),
    tx,
  );
  const counted = await ctx.campaigns.recountMany(tenantId, countChanges(rows), now, tx);
  const fired = await applyThreshold(ctx, tx, { tenantId, inputs, rows }, counted, now);
  rows = rows.map((row) => {
    const verdict = fired.get(row.campaignId);
    return verdict ? { ...row, ...verdict.verdict } : row;
  });
  await ctx.audit.recordMany(
    [...inputs.map((input, i) => received(input, rows[i]!)), ...[...fired.values()].map((f) => f.audit)],
    tx,
  );
  const jobs = inputs.flatMap((input, i) => jobsOf(input, rows[i]!, placements[i]!));
  for (const { campaignId, verdict } of fired.values())
    jobs.push({ kind: 'verdictFollowUp', tenantId, campaignId, disposition: verdict.disposition });
  await sendInTransaction(ctx.boss, tx, jobs);
  return rows;
}

/** Per campaign: how many reports it gained and of which messages. */
function countChanges(rows: ReportRow[]) {
  const changes = new Map<string, { id: string; added: number; internetMessageIds: string[] }>();
  for (const row of rows) {
    const change = changes.get(row.campaignId) ?? { id: row.campaignId, added: 0, internetMessageIds: [] };
    change.added += 1;
    change.internetMessageIds.push(row.internetMessageId);
    changes.set(row.campaignId, change);
  }
  return [...changes.values()];
}

interface Fired {
  campaignId: string;
  verdict: { disposition: string; verdictAt: Date; verdictBy: string };
  audit: AuditInput;
}

/**
 * An undecided campaign may reach the threshold with this batch, which decides it for everyone
 * (its reports in this batch included). A campaign decided before hands its outcome to newcomers
 * as they are inserted (buildReport).
 */
async function applyThreshold(
  ctx: ReportsContext,
  tx: Executor,
  batch: { tenantId: string; inputs: StoreInput[]; rows: ReportRow[] },
  counted: Map<string, CampaignRow>,
  now: Date,
): Promise<Map<string, Fired>> {
  const { tenantId, inputs, rows } = batch;
  // Each campaign's last report in the batch: the one that reached the threshold.
  const last = new Map(rows.map((row, i) => [row.campaignId, inputs[i]!]));
  const fired = new Map<string, Fired>();
  for (const campaign of counted.values()) {
    const input = last.get(campaign.id)!;
    const { threshold } = input.settings;
    if (campaign.disposition || !threshold.enabled || campaign.reporterCount < threshold.reporters) continue;
    const verdict = { disposition: threshold.disposition, verdictAt: now, verdictBy: 'threshold' };
    await ctx.campaigns.update(tenantId, campaign.id, { ...verdict, verdictSource: 'threshold' }, tx);
    await ctx.reports.setCampaignOutcome(tenantId, campaign.id, verdict, tx);
    fired.set(campaign.id, {
      campaignId: campaign.id,
      verdict,
      audit: {
        ...systemActor(tenantId, 'threshold rule'),
        requestId: input.actor.requestId ?? null,
        action: 'campaign.verdict',
        targetType: 'campaign',
        targetId: campaign.id,
        outcome: 'success',
        details: {
          disposition: threshold.disposition,
          source: 'threshold',
          reporters: campaign.reporterCount,
        },
      },
    });
  }
  return fired;
}
