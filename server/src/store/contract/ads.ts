// Local businesses, their campaigns, the ad events devices count, and each campaign's day (its
// counts and spend in Asia/Seoul): what the ad handlers, the pull and the owner's dashboard ask.
import type { AdEventKind, Business, BusinessCategory, Campaign, CampaignPrices } from '@dongne/shared';

export interface NewBusiness {
  id: string;
  ownerId: string;
  name: string;
  category: BusinessCategory;
  neighbourhoodId: string;
  /** The place's display name, as listings keep theirs. */
  neighbourhood: string;
  createdAt: number;
  changeSeq: number;
}

/** The facts actions on a business are judged by. */
export interface BusinessFacts {
  ownerId: string;
  name: string;
  neighbourhoodId: string;
  deleted: boolean;
}

export type BusinessChangeRow = { changeSeq: number; deleted: false; business: Business } | { changeSeq: number; deleted: true; id: string };

export interface BusinessesRepo {
  /** Inserts a business unless its id exists; false when it did. */
  insert(business: NewBusiness): Promise<boolean>;
  /** Undefined if no business ever had this id (deleted ones included). */
  factsOf(id: string): Promise<BusinessFacts | undefined>;
  /** The ids of an owner's businesses not deleted. */
  liveIdsByOwner(ownerId: string): Promise<string[]>;
  markDeleted(id: string, at: number, changeSeq: number): Promise<void>;
  /** Changes after `cursor` to businesses in any of `places` or owned by `viewerId`, oldest first, at most `limit`. */
  changesSinceIn(places: string[], viewerId: string | undefined, cursor: number, limit: number): Promise<BusinessChangeRow[]>;
  /** The highest change number of any business in `places` (0 if none), for the area snapshots. */
  latestChangeIn(places: string[]): Promise<number>;
}

export interface NewCampaign extends CampaignPrices {
  id: string;
  businessId: string;
  ownerId: string;
  title: string;
  text: string;
  neighbourhoodId: string;
  rangeLevel: number;
  /** The neighbourhoods the target covers: the business's and those within its range level. */
  places: string[];
  dailyBudgetKrw: number;
  createdAt: number;
  changeSeq: number;
}

/** The facts an event on a campaign is charged by. */
export interface CampaignFacts extends CampaignPrices {
  businessId: string;
  ownerId: string;
  places: string[];
  dailyBudgetKrw: number;
  serving: boolean;
  /** The Asia/Seoul day serving last stopped on (null if serving, or never stopped). */
  stoppedDay: string | null;
  ended: boolean;
  /** When it was created: an event counted on an earlier (Seoul) day is no click on it. */
  createdAt: number;
}

export type CampaignChangeRow = { changeSeq: number; deleted: false; campaign: Campaign } | { changeSeq: number; deleted: true; id: string };

export interface CampaignsRepo {
  /** Inserts a campaign (and its places) unless its id exists; false when it did. */
  insert(campaign: NewCampaign): Promise<boolean>;
  factsOf(id: string): Promise<CampaignFacts | undefined>;
  /** The campaign as the pull carries it (ended ones too); for tests and checks. */
  byId(id: string): Promise<Campaign | undefined>;
  /** Stops serving for the rest of the Asia/Seoul `day`, as a change numbered `changeSeq`. */
  stopServing(id: string, day: string, changeSeq: number): Promise<void>;
  /** The campaigns not ended whose serving stopped on a day before `day`. */
  stoppedBefore(day: string): Promise<string[]>;
  /**
   * Turns serving back on, as a change numbered `changeSeq`, if it is still stopped for a day before
   * `today`; false when another instance turned it on first, or a push stopped it for today meanwhile.
   */
  resumeServing(id: string, today: string, changeSeq: number): Promise<boolean>;
  /** The ids of an owner's campaigns not ended. */
  liveIdsByOwner(ownerId: string): Promise<string[]>;
  /** Ends the campaign for good: devices drop it at their next pull. */
  end(id: string, at: number, changeSeq: number): Promise<void>;
  /**
   * Changes after `cursor` to campaigns whose target covers `place` or owned by `viewerId`, oldest
   * first, at most `limit`; an ended one comes as a tombstone.
   */
  changesSinceIn(place: string, viewerId: string | undefined, cursor: number, limit: number): Promise<CampaignChangeRow[]>;
  /** The highest change number of any campaign covering `place` (0 if none), for the area snapshots. */
  latestChangeIn(place: string): Promise<number>;
}

/** Why an event was recorded but not charged. */
export type AdEventFlag = 'owner' | 'device_cap' | 'too_fast' | 'stale' | 'future' | 'budget_spent' | 'person_cap' | 'out_of_area';

export interface NewAdEvent {
  id: string;
  campaignId: string;
  actorId: string;
  clientId: string;
  kind: AdEventKind;
  at: number;
  /** The Asia/Seoul day of `at`. */
  day: string;
  receivedAt: number;
  flag: AdEventFlag | null;
}

export interface AdEventsRepo {
  /** Records the event, not charged, unless its id was recorded before (by anyone); false when it was. */
  record(event: NewAdEvent): Promise<boolean>;
  /** Sets what the event was charged, or why it was not after all. */
  settle(id: string, chargedKrw: number, flag: AdEventFlag | null): Promise<void>;
  /** Clicks from the device on the campaign on `day` that were charged. */
  chargedClicksOnDay(actorId: string, campaignId: string, day: string): Promise<number>;
  /** Impressions from the person (every device of theirs) on the campaign on `day` that counted (not flagged). */
  countedImpressionsOnDay(actorId: string, campaignId: string, day: string): Promise<number>;
  /** Whether the person (from any device) sent another click on the campaign less than `withinMs` from `at` (either side). */
  clickNear(actorId: string, campaignId: string, at: number, withinMs: number, exceptId: string): Promise<boolean>;
  /** Empties who and which device counted `actorId`'s events (their account is being deleted). */
  anonymise(actorId: string): Promise<void>;
}

/** One Asia/Seoul day of a business's campaigns, added up. */
export interface AdDayStats {
  day: string;
  impressions: number;
  clicks: number;
  flaggedClicks: number;
  spendKrw: number;
}

export interface CampaignDaysRepo {
  /**
   * Charges `priceKrw` for a click to the campaign's `day` if its spend there is still below
   * `budgetKrw`, atomically (two instances charging at once cannot both pass one check); answers
   * whether it did and the day's spend after.
   */
  charge(campaignId: string, businessId: string, day: string, priceKrw: number, budgetKrw: number): Promise<{ charged: boolean; spendKrw: number }>;
  /**
   * Adds `count` counted impressions to the campaign's day and charges as many of them as began
   * below the budget, atomically: the day's charged impressions rise to at most `chargeableMax`
   * (ad-budget.ts works it out from the budget and the price) and its spend becomes those times
   * `pricePerThousandKrw`, over a thousand, rounded down. Answers the day's spend after.
   */
  chargeImpressions(
    campaignId: string,
    businessId: string,
    day: string,
    count: number,
    pricePerThousandKrw: number,
    chargeableMax: number,
  ): Promise<{ spendKrw: number }>;
  /** Adds counted events to the campaign's day. */
  add(campaignId: string, businessId: string, day: string, counts: { impressions?: number; clicks?: number; flaggedClicks?: number }): Promise<void>;
  /** The business's days from `fromDay` on (only days with events), oldest first. */
  statsOf(businessId: string, fromDay: string): Promise<AdDayStats[]>;
  /** What the business's campaigns not ended may still spend on `day`, in won. */
  budgetLeft(businessId: string, day: string): Promise<number>;
}

export interface AdsRepos {
  businesses: BusinessesRepo;
  campaigns: CampaignsRepo;
  adEvents: AdEventsRepo;
  campaignDays: CampaignDaysRepo;
}
