// The budget rule of a local ad campaign. A click is charged only while the day's spend is below
// the daily budget (checked and added in one atomic write, see CampaignDaysRepo.charge), so the
// day's spend ends below budget + one click's price whatever arrives late: a click counted on an
// offline device and sent hours later is recorded, and charged only if that day's budget still
// has room. A campaign paid per thousand impressions follows the same rule an impression at a time
// (CampaignDaysRepo.chargeImpressions): it ends the day at most one impression's price over.
// Serving stops earlier, when spend + the margin reaches the budget, so that the events still on
// their way (devices that have not pulled the stop yet) mostly fit in what is left and the business
// is not shown for free.
import type { CampaignPrices } from '@dongne/shared';

type Priced = CampaignPrices & { dailyBudgetKrw: number };

/** The clicks we expect still in flight once serving stops: devices pull at least every 30 s
 * online, and an ad is clicked in a few percent of impressions, so a handful covers a busy area. */
export const SERVING_MARGIN_CLICKS = 5;
/** The impressions we expect still in flight: a busy area's devices in the half minute before their next pull. */
export const SERVING_MARGIN_IMPRESSIONS = 200;
/** …but never more than this share of the budget, or a small budget would stop at half spent. */
export const SERVING_MARGIN_MAX_SHARE = 0.2;

/** Won one charged event costs at most: a click, or an impression (a thousandth of the price, rounded up). */
function unitPriceKrw(campaign: Priced): number {
  return campaign.pricePerThousandImpressionsKrw > 0 ? Math.ceil(campaign.pricePerThousandImpressionsKrw / 1000) : campaign.pricePerClickKrw;
}

/**
 * Won below the daily budget at which a campaign stops serving: the events expected in flight, at
 * most a fifth of the budget, and at least one event's price (so the stop always comes before the
 * budget is reached).
 */
export function servingMarginKrw(campaign: Priced): number {
  const inFlight =
    campaign.pricePerThousandImpressionsKrw > 0
      ? Math.ceil((SERVING_MARGIN_IMPRESSIONS * campaign.pricePerThousandImpressionsKrw) / 1000)
      : SERVING_MARGIN_CLICKS * campaign.pricePerClickKrw;
  return Math.max(unitPriceKrw(campaign), Math.min(inFlight, Math.floor(campaign.dailyBudgetKrw * SERVING_MARGIN_MAX_SHARE)));
}

/** Whether a campaign that spent `spendKrw` today should stop being shown for the rest of the day. */
export function budgetNearlySpent(campaign: Priced, spendKrw: number): boolean {
  return spendKrw + servingMarginKrw(campaign) >= campaign.dailyBudgetKrw;
}

/**
 * The most impressions a day of a campaign paid per thousand can be charged for: each one charged
 * must begin below the budget, i.e. (n − 1) · price / 1000 < budget, so n ≤ ⌈1000 · budget / price⌉.
 */
export function chargeableImpressions(campaign: { dailyBudgetKrw: number; pricePerThousandImpressionsKrw: number }): number {
  return Math.ceil((1000 * campaign.dailyBudgetKrw) / campaign.pricePerThousandImpressionsKrw);
}
