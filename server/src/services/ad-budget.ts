// The budget rule of a local ad campaign. A click is charged only while the day's spend is below
// the daily budget (checked and added in one atomic write, see CampaignDaysRepo.charge), so the
// day's spend ends below budget + one click's price whatever arrives late: a click counted on an
// offline device and sent hours later is recorded, and charged only if that day's budget still
// has room. Serving stops earlier, when spend + the margin reaches the budget, so that the clicks
// still on their way (devices that have not pulled the stop yet) mostly fit in what is left and
// the business is not shown for free.

/** The clicks we expect still in flight once serving stops: devices pull at least every 30 s
 * online, and an ad is clicked in a few percent of impressions, so a handful covers a busy area. */
export const SERVING_MARGIN_CLICKS = 5;
/** …but never more than this share of the budget, or a small budget would stop at half spent. */
export const SERVING_MARGIN_MAX_SHARE = 0.2;

/**
 * Won below the daily budget at which a campaign stops serving: five clicks' price, at most a
 * fifth of the budget, and at least one click's price (so the stop always comes before the budget
 * is reached).
 */
export function servingMarginKrw(campaign: { dailyBudgetKrw: number; pricePerClickKrw: number }): number {
  const { dailyBudgetKrw: budget, pricePerClickKrw: price } = campaign;
  return Math.max(price, Math.min(SERVING_MARGIN_CLICKS * price, Math.floor(budget * SERVING_MARGIN_MAX_SHARE)));
}

/** Whether a campaign that spent `spendKrw` today should stop being shown for the rest of the day. */
export function budgetNearlySpent(campaign: { dailyBudgetKrw: number; pricePerClickKrw: number }, spendKrw: number): boolean {
  return spendKrw + servingMarginKrw(campaign) >= campaign.dailyBudgetKrw;
}
