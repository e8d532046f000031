// Where ads go among the feed's cards, kept apart from the ad code so the feed knows it without
// loading that code: after every run of this many listings, so at most one card in ten is an ad
// (AD_LIMITS.feedSpacing; choose-ads.test.ts holds the two together).
export const LISTINGS_BETWEEN_ADS = 9;
