// Local businesses' side of sync: what opening a business or creating a campaign shows on the
// owner's device before the server has seen it, and how pulled businesses and campaigns land.
import { BUSINESS_PROFILE_BLANK, campaignPrices, neighbourhoodLabel, type MutationArgs, type PullResponse } from '@dongne/shared';
import type { DongneDb, LocalBusiness, LocalCampaign } from '../db/db.js';
import { getMeta } from '../db/meta.js';

export async function applyBusinessCreate(db: DongneDb, args: MutationArgs<'business.create'>, at: number): Promise<void> {
  const existing = await db.businesses.get(args.id);
  // The server has it already (a pull brought it back), or refused it and the reason stands.
  if (existing && (!existing.local || existing.failed)) return;
  const place = await db.neighbourhoods.get(args.neighbourhoodId);
  await db.businesses.put({
    // Details come with business.update, which (waiting behind this in the outbox) is applied after it.
    ...BUSINESS_PROFILE_BLANK,
    photos: [],
    id: args.id,
    ownerId: (await getMeta(db, 'actorId')) ?? '',
    name: args.name,
    category: args.category,
    neighbourhoodId: args.neighbourhoodId,
    neighbourhood: existing?.neighbourhood ?? (place ? neighbourhoodLabel(place) : ''),
    createdAt: existing?.createdAt ?? at,
    local: true,
  });
}

export async function applyCampaignCreate(db: DongneDb, args: MutationArgs<'campaign.create'>, at: number): Promise<void> {
  const existing = await db.campaigns.get(args.id);
  if (existing && (!existing.local || existing.failed)) return;
  const business = await db.businesses.get(args.businessId);
  await db.campaigns.put({
    id: args.id,
    businessId: args.businessId,
    businessName: business?.name ?? '',
    ownerId: (await getMeta(db, 'actorId')) ?? '',
    title: args.title,
    text: args.text,
    neighbourhoodId: business?.neighbourhoodId ?? '',
    rangeLevel: args.rangeLevel,
    // Which places the range covers is the server's to say; until then the ad is shown nowhere
    // (and never to its owner anyway).
    places: [],
    dailyBudgetKrw: args.dailyBudgetKrw,
    ...campaignPrices(args),
    serving: false,
    createdAt: existing?.createdAt ?? at,
    local: true,
  });
}

/** An ended campaign leaves the feed at once; the pull's tombstone removes it. */
export async function applyCampaignEnd(db: DongneDb, args: MutationArgs<'campaign.end'>): Promise<void> {
  await db.campaigns.update(args.id, { ending: true });
}

type Refusal = { code: string; message: string };

/** A refused business stays on the owner's device with the reason: the name and category are not lost. */
export async function rejectBusinessCreate(db: DongneDb, args: MutationArgs<'business.create'>, reason: Refusal): Promise<void> {
  const row = await db.businesses.get(args.id);
  if (row?.local) await db.businesses.put({ ...row, failed: { code: reason.code, message: reason.message } });
}

export async function rejectCampaignCreate(db: DongneDb, args: MutationArgs<'campaign.create'>, reason: Refusal): Promise<void> {
  const row = await db.campaigns.get(args.id);
  if (row?.local) await db.campaigns.put({ ...row, failed: { code: reason.code, message: reason.message } });
}

/** Not ended after all (someone else's, or gone): shown as the server has it. */
export async function rejectCampaignEnd(db: DongneDb, args: MutationArgs<'campaign.end'>): Promise<void> {
  await db.campaigns.update(args.id, { ending: undefined });
}

/** Pulled businesses and campaigns: the server's rows replace this device's, deletes remove them. */
export async function applyPulledBusinesses(db: DongneDb, page: PullResponse): Promise<void> {
  const businesses: LocalBusiness[] = [];
  const campaigns: LocalCampaign[] = [];
  const goneBusinesses: string[] = [];
  const goneCampaigns: string[] = [];
  for (const change of page.changes) {
    if (change.entity === 'business') {
      if (change.op === 'upsert') businesses.push(change.row);
      else goneBusinesses.push(change.id);
    } else if (change.entity === 'campaign') {
      if (change.op === 'upsert') campaigns.push(change.row);
      else goneCampaigns.push(change.id);
    }
  }
  if (businesses.length) await db.businesses.bulkPut(businesses);
  if (campaigns.length) await db.campaigns.bulkPut(campaigns);
  if (goneCampaigns.length) await db.campaigns.bulkDelete(goneCampaigns);
  if (goneBusinesses.length) {
    await db.businesses.bulkDelete(goneBusinesses);
    await db.campaigns.where('businessId').anyOf(goneBusinesses).delete();
  }
}
