// Which campaign each report of a batch joins: the one that already holds its internetMessageId,
// else the one with its fingerprint, else a new one — decided in order, so a batch groups exactly
// as the same reports stored one by one would. The campaigns found are locked for the counters as
// they are read. New keys are claimed with insert-or-nothing; when another writer claimed one
// first, the batch is stored again (and then finds that writer's campaign).
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.js';
import { keyOf, type CampaignKind, type CampaignRow } from './campaign-repository.js';
import type { ReportsContext } from './context.js';
import type { ReadMessage } from './intake-rows.js';

export interface Placement {
  campaign: CampaignRow;
  /** The first report of this internetMessageId: its recipients are worth estimating. */
  newMessage: boolean;
}

/** Another writer claimed a key this batch needed; the batch must be stored again. */
export class KeyClaimedElsewhere extends Error {
  constructor() {
    super('a campaign key was claimed by a concurrent intake');
  }
}

interface Claim {
  kind: CampaignKind;
  value: string;
  campaignId: string;
}

export async function placeInCampaigns(
  ctx: ReportsContext,
  tx: Executor,
  input: { tenantId: string; reads: ReadMessage[]; now: Date },
): Promise<Placement[]> {
  const { tenantId, reads, now } = input;
  const found = await ctx.campaigns.findAndLock(
    tenantId,
    { imids: reads.map((r) => r.internetMessageId), fps: reads.map((r) => r.fingerprint) },
    tx,
  );
  const held = found.keys;
  const campaigns = found.campaigns;
  const fresh: CampaignRow[] = [];
  const claims: Claim[] = [];
  const claim = (kind: CampaignKind, value: string, campaignId: string) => {
    held.set(keyOf(kind, value), campaignId);
    claims.push({ kind, value, campaignId });
  };
  const placements = reads.map((read) => {
    const imid = keyOf('imid', read.internetMessageId);
    const fp = keyOf('fp', read.fingerprint);
    let campaign = campaigns.get(held.get(imid) ?? held.get(fp) ?? '');
    if (!campaign) {
      campaign = newCampaign(randomUUID(), { tenantId, read, now });
      campaigns.set(campaign.id, campaign);
      fresh.push(campaign);
    }
    const newMessage = !held.has(imid);
    if (newMessage) claim('imid', read.internetMessageId, campaign.id);
    // A fingerprint already held (by this campaign or, rarely, another) stays where it is.
    if (!held.has(fp)) claim('fp', read.fingerprint, campaign.id);
    return { campaign, newMessage };
  });
  await ctx.campaigns.insertMany(fresh, tx);
  const claimed = await ctx.campaigns.claimKeys(tenantId, claims, tx);
  if (claims.some((c) => c.kind === 'imid' && !claimed.has(keyOf(c.kind, c.value))))
    throw new KeyClaimedElsewhere();
  return placements;
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
