// Local businesses (비즈프로필) and their local ads (지역광고): a shop opens a profile in its
// neighbourhood (its location checked like a person's, by a GPS reading at sync), runs campaigns
// that reach the neighbourhoods around it, and neighbours' devices count impressions and clicks —
// offline too — and send them in batches, each counted once however often it is resent.
import { z } from 'zod/mini';
import { idSchema } from './id.js';
import { multiLineText, singleLineText } from './text.js';
import { listingPhotoSchema } from './media.js';

export const BUSINESS_CATEGORIES = ['bakery', 'cafe', 'restaurant', 'repair', 'academy', 'beauty', 'real_estate', 'other'] as const;
export type BusinessCategory = (typeof BUSINESS_CATEGORIES)[number];

export const BUSINESS_LIMITS = {
  nameMax: 40,
  /** Business profiles one person may open. */
  perPerson: 3,
} as const;

export const AD_LIMITS = {
  titleMax: 60,
  textMax: 500,
  /** Won a day: at least one click's worth at the lowest price, at most what a small shop spends. */
  dailyBudgetMinKrw: 1_000,
  dailyBudgetMaxKrw: 1_000_000,
  /** Karrot's price per click from 2022. */
  defaultPricePerClickKrw: 100,
  pricePerClickMinKrw: 50,
  pricePerClickMaxKrw: 5_000,
  /** Priced per thousand impressions instead: what a thousand counted impressions cost. */
  pricePerThousandMinKrw: 500,
  pricePerThousandMaxKrw: 20_000,
  /** What the campaign form offers first when the shop chooses to pay per thousand impressions. */
  suggestedPricePerThousandKrw: 2_000,
  /** Events one ad.events may carry: a device sends what it counted in batches of at most this. */
  eventsPerBatch: 100,
  /** An impression counts only when at least this much of the card was visible… */
  impressionVisibleRatio: 0.5,
  /** …for at least this long. */
  impressionVisibleMs: 1_000,
  /** One card in at most this many in the feed is an ad. */
  feedSpacing: 10,
  /** Times one person is shown one campaign in a day, at most. */
  impressionsPerPersonPerDay: 3,
  /** Clicks from one person (all their devices) on one campaign in a day that are charged; more are recorded, flagged, not charged. */
  chargedClicksPerDevicePerDay: 3,
  /** Two clicks from one person on one campaign closer than this: the second is not charged. */
  clickMinIntervalMs: 2_000,
  /** An event older than this (a device offline for a week) is recorded but no longer charged. */
  eventMaxAgeMs: 7 * 24 * 60 * 60 * 1000,
} as const;

const won = (min: number, max: number, what: string) =>
  z.int(`${what} is a whole number of won`).check(z.gte(min, `${what} is at least ${min}원`), z.lte(max, `${what} is at most ${max}원`));

/** Opens a business profile; the GPS reading travels in the mutation's `fix`, as for verification. */
export const businessCreateArgs = z.object({
  id: z.uuid(),
  name: z.string('Give the business a name').check(
    singleLineText(),
    z.trim(),
    z.minLength(1, 'Give the business a name'),
    z.maxLength(BUSINESS_LIMITS.nameMax, `Keep the name under ${BUSINESS_LIMITS.nameMax} characters`),
  ),
  category: z.enum(BUSINESS_CATEGORIES, 'Choose a category'),
  neighbourhoodId: idSchema,
});
export type BusinessCreateArgs = z.infer<typeof businessCreateArgs>;

/** A campaign: an ad for the business's neighbourhood and the range around it, with a daily budget. */
export const campaignCreateArgs = z.object({
  id: z.uuid(),
  businessId: z.uuid(),
  title: z.string('Give the ad a title').check(
    singleLineText(),
    z.trim(),
    z.minLength(1, 'Give the ad a title'),
    z.maxLength(AD_LIMITS.titleMax, `Keep the title under ${AD_LIMITS.titleMax} characters`),
  ),
  text: z.string('Ad text is text').check(multiLineText(), z.trim(), z.maxLength(AD_LIMITS.textMax, `Keep the text under ${AD_LIMITS.textMax} characters`)),
  rangeLevel: z.int('Choose how far the ad reaches').check(z.gte(1, 'Range is a level from 1 to 4'), z.lte(4, 'Range is a level from 1 to 4')),
  dailyBudgetKrw: won(AD_LIMITS.dailyBudgetMinKrw, AD_LIMITS.dailyBudgetMaxKrw, 'The daily budget'),
  /** Paid per click (the default, at 100원 a click)… */
  pricePerClickKrw: z.optional(won(AD_LIMITS.pricePerClickMinKrw, AD_LIMITS.pricePerClickMaxKrw, 'The price per click')),
  /** …or per thousand impressions, when this is given instead (clicks are then free). */
  pricePerThousandImpressionsKrw: z.optional(won(AD_LIMITS.pricePerThousandMinKrw, AD_LIMITS.pricePerThousandMaxKrw, 'The price per thousand impressions')),
}).check(
  z.refine((c) => c.pricePerClickKrw === undefined || c.pricePerThousandImpressionsKrw === undefined, {
    message: 'Choose one price: per click or per thousand impressions',
    path: ['pricePerThousandImpressionsKrw'],
  }),
  // A click dearer than the day's budget would spend more than the budget on the first click.
  z.refine((c) => campaignPrices(c).pricePerClickKrw <= c.dailyBudgetKrw, { message: 'The daily budget must cover at least one click', path: ['dailyBudgetKrw'] }),
);
export type CampaignCreateArgs = z.infer<typeof campaignCreateArgs>;

/** How a campaign is paid for: exactly one of the two prices is above zero. */
export interface CampaignPrices {
  /** Won per charged click; 0 when the campaign is paid per thousand impressions. */
  pricePerClickKrw: number;
  /** Won per thousand charged impressions; 0 when the campaign is paid per click. */
  pricePerThousandImpressionsKrw: number;
}

/** The prices a campaign.create's arguments ask for: per thousand impressions when given, else per click (100원 unless said). */
export function campaignPrices(args: { pricePerClickKrw?: number; pricePerThousandImpressionsKrw?: number }): CampaignPrices {
  if (args.pricePerThousandImpressionsKrw !== undefined) return { pricePerClickKrw: 0, pricePerThousandImpressionsKrw: args.pricePerThousandImpressionsKrw };
  return { pricePerClickKrw: args.pricePerClickKrw ?? AD_LIMITS.defaultPricePerClickKrw, pricePerThousandImpressionsKrw: 0 };
}

export const AD_EVENT_KINDS = ['impression', 'click'] as const;
export type AdEventKind = (typeof AD_EVENT_KINDS)[number];

/** When a device counted an event: ms since 1970, before 2100 (a larger number is no time at all). */
const eventTime = z.int('An event time is whole milliseconds').check(z.gte(0, 'An event time is after 1970'), z.lte(4_102_444_800_000, 'An event time is before 2100'));

export const adEventSchema = z.object({ id: z.uuid(), campaignId: z.uuid(), kind: z.enum(AD_EVENT_KINDS), at: eventTime });
export type AdEvent = z.infer<typeof adEventSchema>;

/** What a device counted, sent through the outbox: each event is counted once however often it is resent. */
export const adEventsArgs = z.object({
  events: z.array(adEventSchema).check(z.minLength(1), z.maxLength(AD_LIMITS.eventsPerBatch, `At most ${AD_LIMITS.eventsPerBatch} events at once`)),
});
export type AdEventsArgs = z.infer<typeof adEventsArgs>;

/** A business as the pull carries it to devices in its area (and to its owner wherever they are). */
export const businessRowSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  name: z.string(),
  category: z.enum(BUSINESS_CATEGORIES),
  neighbourhoodId: z.string(),
  neighbourhood: z.string(),
  createdAt: z.number(),
  // The profile's details and counts (business-profile.ts); a server from before them sends none.
  address: z._default(z.string(), ''),
  hours: z._default(z.string(), ''),
  phone: z._default(z.string(), ''),
  description: z._default(z.string(), ''),
  photos: z._default(z.array(listingPhotoSchema), []),
  /** 단골: people following it. */
  followerCount: z._default(z.number(), 0),
  reviewCount: z._default(z.number(), 0),
  /** The reviews' stars added up: the average is starSum / reviewCount. */
  starSum: z._default(z.number(), 0),
});
export type Business = z.infer<typeof businessRowSchema>;

/**
 * A campaign as the pull carries it to the devices it may be shown on, so the feed chooses ads
 * offline. `places` are the neighbourhoods its target covers (the business's and those within its
 * range level); `serving` turns false once today's budget (less the margin for events still on
 * their way from offline devices) is spent.
 */
export const campaignRowSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  businessName: z.string(),
  ownerId: z.string(),
  title: z.string(),
  text: z.string(),
  neighbourhoodId: z.string(),
  rangeLevel: z.number(),
  places: z.array(z.string()),
  dailyBudgetKrw: z.number(),
  /** 0 when paid per thousand impressions (campaignPrices says which). */
  pricePerClickKrw: z.number(),
  /** 0 when paid per click; a server from before this pricing sends none. */
  pricePerThousandImpressionsKrw: z._default(z.number(), 0),
  serving: z.boolean(),
  createdAt: z.number(),
});
export type Campaign = z.infer<typeof campaignRowSchema>;

const dayStats = z.object({ impressions: z.int(), clicks: z.int(), spendKrw: z.int() });

/** GET /api/businesses/:id/stats, for the owner only: today at the top level, and each day. */
export const businessStatsSchema = z.extend(dayStats, {
  /** Today's budget left across the business's campaigns, in won. */
  budgetLeftKrw: z.int(),
  /** Clicks recorded but not charged today (the owner's own, over a device's cap, too fast). */
  flaggedClicks: z.int(),
  days: z.array(z.extend(dayStats, { day: z.string(), flaggedClicks: z.int() })),
});
export type BusinessStats = z.infer<typeof businessStatsSchema>;
