// A listings row as both engines read it (`SELECT l.*, a.nickname AS seller_name …`), and the
// listing and change it stands for. The columns are the same on both; only booleans differ (0/1 on
// SQLite, true/false on PostgreSQL).
import { isListingVisibleTo, type Listing, type ListingPhoto } from '@dongne/shared';
import type { ListingChangeRow } from './contract/listings.js';

export interface ListingRow {
  id: string;
  seller_id: string;
  seller_name: string;
  title: string;
  description: string;
  price_krw: number;
  category: string;
  neighbourhood: string;
  neighbourhood_id: string | null;
  status: string;
  accepts_offers: boolean | number;
  meeting_spot: string;
  photos: string;
  hidden: boolean | number;
  created_at: number;
  updated_at: number;
  bumped_at: number;
  last_bumped_at: number | null;
  edited_at: number | null;
  like_count: number;
  view_count: number;
  deleted_at: number | null;
  change_seq: number;
}

export function toListing(row: ListingRow): Listing {
  return {
    id: row.id,
    sellerId: row.seller_id,
    sellerName: row.seller_name,
    title: row.title,
    description: row.description,
    priceKrw: row.price_krw,
    category: row.category as Listing['category'],
    neighbourhood: row.neighbourhood,
    neighbourhoodId: row.neighbourhood_id ?? '',
    status: row.status as Listing['status'],
    acceptsOffers: Boolean(row.accepts_offers),
    meetingSpot: row.meeting_spot,
    photos: JSON.parse(row.photos) as ListingPhoto[],
    hidden: Boolean(row.hidden),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    bumpedAt: row.bumped_at,
    lastBumpedAt: row.last_bumped_at,
    editedAt: row.edited_at,
    likeCount: row.like_count,
    viewCount: row.view_count,
  };
}

/** What `viewerId` may see of a row: a deleted listing, or someone else's hidden one, is a tombstone. */
export function toChange(row: ListingRow, viewerId?: string): ListingChangeRow {
  return isListingVisibleTo({ sellerId: row.seller_id, hidden: Boolean(row.hidden), deleted: row.deleted_at !== null }, viewerId)
    ? { changeSeq: row.change_seq, deleted: false, listing: toListing(row) }
    : { changeSeq: row.change_seq, deleted: true, id: row.id };
}
