// Local businesses and their ads: opening a business profile (its place proven by a GPS reading
// taken there), creating a campaign for it, and taking in the impressions and clicks devices
// counted, each once by its id. Which events are charged is ad-event-rules.ts's to say; when a
// campaign stops serving, ad-budget.ts's.
import { BUSINESS_LIMITS, campaignPrices, neighbourhoodLabel, type AdEvent } from '@dongne/shared';
import type { CampaignFacts } from '../store/contract/ads.js';
import type { Handlers, MutationContext } from './mutation-context.js';
import { budgetNearlySpent, chargeableImpressions } from './ad-budget.js';
import { flagOf } from './ad-event-rules.js';
import { placeOrReject } from './mutation-guards.js';
import { MutationRejected } from './service-error.js';
import { seoulDay } from './seoul-day.js';
import { verification } from './verification-service.js';

type AdsHandlers = Pick<Handlers, 'business.create' | 'campaign.create' | 'campaign.end' | 'ad.events'>;

// An id someone else used is never taken again: one neutral answer, which says nothing about what holds it.
const businessIdTaken = () => new MutationRejected('business.id_taken', 'This id is already in use. Open the business profile again.');
const campaignIdTaken = () => new MutationRejected('campaign.id_taken', 'This id is already in use. Create the ad again.');

export const adsHandlers: AdsHandlers = {
  async 'business.create'(ctx, args) {
    const { tx, actor, now, mutation } = ctx;
    const existing = await tx.businesses.factsOf(args.id);
    if (existing) {
      // The owner's own profile sent again (an outbox rebuilt after a lost answer): already open.
      // Checked before the reading, which a resend carries again and would fail as a replay.
      if (existing.ownerId === actor.id && !existing.deleted) return;
      throw businessIdTaken();
    }
    const place = await placeOrReject(tx, args.neighbourhoodId);
    // The shop's own place is proven now, as a person's is verified: an earlier verification of
    // its owner does not stand in for a reading taken at the shop.
    if (!mutation.fix) {
      throw new MutationRejected('location.missing', 'No location came with this business profile. Allow location access at the shop and try again.');
    }
    const check = await verification.verify(tx, actor, place, mutation.fix, 'verify', now);
    if (!check.ok) throw new MutationRejected(check.code, check.message);
    // Counted after the reading, which holds the person's readings lock: two profiles opened at
    // once on PostgreSQL would otherwise both find room for one.
    if ((await tx.businesses.liveIdsByOwner(actor.id)).length >= BUSINESS_LIMITS.perPerson) {
      throw new MutationRejected('business.limit', `You can open ${BUSINESS_LIMITS.perPerson} business profiles, and you have.`);
    }
    const inserted = await tx.businesses.insert({
      id: args.id,
      ownerId: actor.id,
      name: args.name,
      category: args.category,
      neighbourhoodId: place.id,
      neighbourhood: neighbourhoodLabel(place),
      createdAt: now,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    if (!inserted) throw businessIdTaken();
    ctx.areaChanged(place.id);
  },

  async 'campaign.create'(ctx, args) {
    const { tx, actor, now } = ctx;
    const business = await tx.businesses.factsOf(args.businessId);
    if (!business || business.deleted) throw new MutationRejected('business.not_found', 'That business profile no longer exists.');
    if (business.ownerId !== actor.id) throw new MutationRejected('business.not_owner', "Only the business's owner can create its ads.");
    const existing = await tx.campaigns.factsOf(args.id);
    if (existing) {
      if (existing.ownerId === actor.id && existing.businessId === args.businessId) return;
      throw campaignIdTaken();
    }
    // The target is the business's neighbourhood's own neighbour set at the level: the same places a
    // neighbour there browsing at that range sees listings from.
    const places = await tx.neighbourhoods.neighbourIds(business.neighbourhoodId, args.rangeLevel);
    const inserted = await tx.campaigns.insert({
      id: args.id,
      businessId: args.businessId,
      ownerId: actor.id,
      title: args.title,
      text: args.text,
      neighbourhoodId: business.neighbourhoodId,
      rangeLevel: args.rangeLevel,
      places: places.includes(business.neighbourhoodId) ? places : [business.neighbourhoodId, ...places],
      dailyBudgetKrw: args.dailyBudgetKrw,
      ...campaignPrices(args),
      createdAt: now,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    if (!inserted) throw campaignIdTaken();
    for (const place of places) ctx.areaChanged(place);
  },

  async 'campaign.end'(ctx, args) {
    const { tx, actor, now } = ctx;
    const campaign = await tx.campaigns.factsOf(args.id);
    if (!campaign) throw new MutationRejected('campaign.not_found', 'That ad no longer exists.');
    if (campaign.ownerId !== actor.id) throw new MutationRejected('business.not_owner', "Only the business's owner can end its ads.");
    // Ended already (this one sent again, or from the owner's other device): nothing left to do.
    if (campaign.ended) return;
    await tx.campaigns.end(args.id, now, await tx.sync.nextChangeSeq());
    // Its tombstone takes it off every device it could be shown on, and off the owner's others.
    for (const place of campaign.places) ctx.areaChanged(place);
    ctx.accountChanged(campaign.ownerId);
  },

  async 'ad.events'(ctx, args) {
    // Taken first, as any write that may number a change takes it: a batch locks campaign days and
    // may then stop a campaign (a change number); in any other order two batches on PostgreSQL could
    // each hold what the other waits for. SQLite's one writer already holds it.
    await ctx.tx.sync.holdChanges();
    // One look-up per campaign per batch; `serving` is kept up to date here as the batch stops it.
    const campaigns = new Map<string, CampaignFacts | undefined>();
    const tally = new Tally();
    // Where the sender lives, once for the batch: every event's area check reads it.
    const held = (await ctx.tx.actorNeighbourhoods.held(ctx.actor.id)).map((h) => h.neighbourhoodId);
    for (const event of args.events) {
      if (!campaigns.has(event.campaignId)) campaigns.set(event.campaignId, await ctx.tx.campaigns.factsOf(event.campaignId));
      const campaign = campaigns.get(event.campaignId);
      // A campaign no device was ever sent: nothing to count it against (and no row to keep it by).
      if (!campaign) continue;
      await countEvent(ctx, held, event, campaign, tally);
    }
    // Impressions and flagged clicks are added once per campaign and day, not per event; so are the
    // impressions of a campaign paid per thousand, charged together.
    for (const { campaignId, businessId, day, counts } of tally.days()) {
      const campaign = campaigns.get(campaignId)!;
      const { impressions, ...rest } = counts;
      if (campaign.pricePerThousandImpressionsKrw > 0 && impressions > 0) {
        const { spendKrw } = await ctx.tx.campaignDays.chargeImpressions(
          campaignId,
          businessId,
          day,
          impressions,
          campaign.pricePerThousandImpressionsKrw,
          chargeableImpressions(campaign),
        );
        if (rest.clicks || rest.flaggedClicks) await ctx.tx.campaignDays.add(campaignId, businessId, day, rest);
        await stopIfNearlySpent(ctx, campaignId, campaign, day, spendKrw);
      } else await ctx.tx.campaignDays.add(campaignId, businessId, day, counts);
    }
  },
};

type DayCounts = { impressions: number; clicks: number; flaggedClicks: number };

/** A batch's uncharged counts, by campaign and day. */
class Tally {
  readonly #days = new Map<string, { campaignId: string; businessId: string; day: string; counts: DayCounts }>();

  add(campaignId: string, businessId: string, day: string, what: keyof DayCounts) {
    const key = `${campaignId}\n${day}`;
    let entry = this.#days.get(key);
    if (!entry) this.#days.set(key, (entry = { campaignId, businessId, day, counts: { impressions: 0, clicks: 0, flaggedClicks: 0 } }));
    entry.counts[what]++;
  }

  days() {
    return this.#days.values();
  }
}

/** Records one event once, and charges it if it is a click the rules and the day's budget allow (impressions are charged by the batch). */
async function countEvent(ctx: MutationContext, held: readonly string[], event: AdEvent, campaign: CampaignFacts, tally: Tally): Promise<void> {
  const { tx, actor, now, clientId } = ctx;
  const day = seoulDay(event.at);
  // An ended campaign's late events are kept but count for nothing: nobody reads its stats.
  const flag = campaign.ended ? 'stale' : await flagOf(tx, { actorId: actor.id, clientId, held }, event, day, campaign, now);
  const recorded = await tx.adEvents.record({ ...event, actorId: actor.id, clientId, day, receivedAt: now, flag });
  // Sent before: counted the first time, ignored now (a resend is not a refusal).
  if (!recorded || campaign.ended) return;
  if (event.kind === 'impression') {
    if (!flag) tally.add(event.campaignId, campaign.businessId, day, 'impressions');
    return;
  }
  if (flag) {
    tally.add(event.campaignId, campaign.businessId, day, 'flaggedClicks');
    return;
  }
  // Paid per thousand impressions: a click is counted and costs nothing.
  if (campaign.pricePerClickKrw === 0) {
    tally.add(event.campaignId, campaign.businessId, day, 'clicks');
    return;
  }
  const { charged, spendKrw } = await tx.campaignDays.charge(event.campaignId, campaign.businessId, day, campaign.pricePerClickKrw, campaign.dailyBudgetKrw);
  if (charged) await tx.adEvents.settle(event.id, campaign.pricePerClickKrw, null);
  else {
    // A real click, counted, but past the day's budget (it arrived late): the business gets it free.
    await tx.adEvents.settle(event.id, 0, 'budget_spent');
    tally.add(event.campaignId, campaign.businessId, day, 'clicks');
  }
  await stopIfNearlySpent(ctx, event.campaignId, campaign, day, spendKrw);
}

/** Stops the campaign for the rest of today if what `day` has now spent leaves no more than the margin. */
async function stopIfNearlySpent(ctx: MutationContext, campaignId: string, campaign: CampaignFacts, day: string, spendKrw: number): Promise<void> {
  // Only today's spend stops today's serving: a late click charged to yesterday changes nothing now.
  // A campaign still stopped from yesterday (no pull has turned it back on yet) is stopped for today,
  // or that pull would turn it on with today's budget already spent.
  if (campaign.stoppedDay !== day && day === seoulDay(ctx.now) && budgetNearlySpent(campaign, spendKrw)) {
    await ctx.tx.campaigns.stopServing(campaignId, day, await ctx.tx.sync.nextChangeSeq());
    campaign.serving = false;
    campaign.stoppedDay = day;
    for (const place of campaign.places) ctx.areaChanged(place);
    ctx.accountChanged(campaign.ownerId);
  }
}
