// Which campaign a report joins: the one that already holds its internetMessageId, else the one with
// its fingerprint, else a new one. Keys are claimed with insert-or-nothing, so two first reports of
// one message arriving together end up in one campaign; the row is then locked for the counters.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.js';
import type { CampaignRow } from './campaign-repository.js';
import type { ReportsContext } from './context.js';
import type { ReadMessage } from './intake-store.js';

export interface Placement {
  campaign: CampaignRow;
  /** The first report of this internetMessageId: its recipients are worth estimating. */
  newMessage: boolean;
}

export async function placeInCampaign(
  ctx: ReportsContext,
  tx: Executor,
  input: { tenantId: string; read: ReadMessage; now: Date },
): Promise<Placement> {
  const { tenantId, read } = input;
  const keys = { imid: read.internetMessageId, fp: read.fingerprint };
  const found = await ctx.campaigns.find(tenantId, keys, tx);
  let id = found.imid ?? found.fp;
  let newMessage = false;
  if (!id) {
    const fresh = randomUUID();
    newMessage = await ctx.campaigns.claimKey(tenantId, 'imid', keys.imid, fresh, tx);
    if (newMessage) {
      await ctx.campaigns.insert(newCampaign(fresh, input), tx);
      id = fresh;
    } else id = (await ctx.campaigns.find(tenantId, keys, tx)).imid;
    if (!id) throw new Error('campaign key claimed but not found');
  } else if (!found.imid) newMessage = await ctx.campaigns.claimKey(tenantId, 'imid', keys.imid, id, tx);
  // A fingerprint already held (by this campaign or, rarely, another) stays where it is.
  if (!found.fp) await ctx.campaigns.claimKey(tenantId, 'fp', keys.fp, id, tx);
  const campaign = await ctx.campaigns.lock(tenantId, id, tx);
  if (!campaign) throw new Error(`campaign ${id} has keys but no row`);
  return { campaign, newMessage };
}

function newCampaign(
  id: string,
  { tenantId, read, now }: { tenantId: string; read: ReadMessage; now: Date },
): CampaignRow {
  return {
    tenantId,
    id,
    fingerprint: read.fingerprint,
    internetMessageId: read.internetMessageId,
    subject: read.message.subject ?? null,
    sender: read.enrichment.from?.address ?? read.enrichment.sender?.address ?? null,
    firstSeen: now,
    lastSeen: now,
    reportCount: 0,
    reporterCount: 0,
    estimatedRecipients: 0,
    status: 'new',
    assignee: null,
    disposition: null,
    verdictAt: null,
    verdictBy: null,
    verdictSource: null,
    updatedAt: now,
  };
}
