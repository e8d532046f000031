// Business and campaign rows as both engines read them, and the change each stands for. Only
// booleans differ between the engines (0/1 on SQLite, true/false on PostgreSQL).
import type { Business, BusinessCategory, Campaign, ListingPhoto } from '@dongne/shared';
import type { BusinessChangeRow, CampaignChangeRow, CampaignFacts } from './contract/ads.js';

export interface BusinessRow {
  id: string;
  owner_id: string;
  name: string;
  category: string;
  neighbourhood_id: string;
  neighbourhood: string;
  created_at: number;
  deleted_at: number | null;
  change_seq: number;
  address: string;
  hours: string;
  phone: string;
  description: string;
  photos: string;
  follower_count: number;
  review_count: number;
  star_sum: number;
}

export interface CampaignRow {
  id: string;
  business_id: string;
  business_name: string;
  owner_id: string;
  title: string;
  text: string;
  neighbourhood_id: string;
  range_level: number;
  places: string;
  daily_budget_krw: number;
  price_per_click_krw: number;
  price_per_thousand_krw: number;
  serving: boolean | number;
  stopped_day: string | null;
  created_at: number;
  ended_at: number | null;
  change_seq: number;
}

export const SELECT_CAMPAIGNS = 'SELECT c.*, b.name AS business_name FROM campaigns c JOIN businesses b ON b.id = c.business_id';

export function toBusinessChange(row: BusinessRow): BusinessChangeRow {
  if (row.deleted_at !== null) return { changeSeq: row.change_seq, deleted: true, id: row.id };
  const business: Business = {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    category: row.category as BusinessCategory,
    neighbourhoodId: row.neighbourhood_id,
    neighbourhood: row.neighbourhood,
    createdAt: row.created_at,
    address: row.address,
    hours: row.hours,
    phone: row.phone,
    description: row.description,
    photos: JSON.parse(row.photos) as ListingPhoto[],
    followerCount: row.follower_count,
    reviewCount: row.review_count,
    starSum: Number(row.star_sum),
  };
  return { changeSeq: row.change_seq, deleted: false, business };
}

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    businessId: row.business_id,
    businessName: row.business_name,
    ownerId: row.owner_id,
    title: row.title,
    text: row.text,
    neighbourhoodId: row.neighbourhood_id,
    rangeLevel: row.range_level,
    places: JSON.parse(row.places) as string[],
    dailyBudgetKrw: row.daily_budget_krw,
    pricePerClickKrw: row.price_per_click_krw,
    pricePerThousandImpressionsKrw: row.price_per_thousand_krw,
    serving: Boolean(row.serving),
    createdAt: row.created_at,
  };
}

/** An ended campaign is a tombstone for everyone. */
export function toCampaignChange(row: CampaignRow): CampaignChangeRow {
  return row.ended_at !== null ? { changeSeq: row.change_seq, deleted: true, id: row.id } : { changeSeq: row.change_seq, deleted: false, campaign: toCampaign(row) };
}

export function toCampaignFacts(row: Omit<CampaignRow, 'business_name'>): CampaignFacts {
  return {
    businessId: row.business_id,
    ownerId: row.owner_id,
    places: JSON.parse(row.places) as string[],
    dailyBudgetKrw: row.daily_budget_krw,
    pricePerClickKrw: row.price_per_click_krw,
    pricePerThousandImpressionsKrw: row.price_per_thousand_krw,
    serving: Boolean(row.serving),
    stoppedDay: row.stopped_day,
    ended: row.ended_at !== null,
    createdAt: row.created_at,
  };
}
