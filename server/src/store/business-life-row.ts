// Business post and review rows as both engines read them, and the change each stands for.
import { businessReviewId, type BusinessPost, type BusinessPostKind, type BusinessReview, type ListingPhoto } from '@dongne/shared';
import type { BusinessPostChangeRow, BusinessReviewChangeRow } from './contract/business-life.js';

export interface BusinessPostRow {
  id: string;
  business_id: string;
  business_name: string;
  owner_id: string;
  neighbourhood_id: string;
  kind: string;
  title: string;
  text: string;
  photos: string;
  valid_until: number | null;
  created_at: number;
  deleted_at: number | null;
  change_seq: number;
}

export interface BusinessReviewRow {
  business_id: string;
  author_id: string;
  author_name: string;
  neighbourhood_id: string;
  stars: number;
  text: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  change_seq: number;
}

export const SELECT_BUSINESS_POSTS = 'SELECT p.*, b.name AS business_name FROM business_posts p JOIN businesses b ON b.id = p.business_id';
export const SELECT_BUSINESS_REVIEWS = 'SELECT r.*, a.nickname AS author_name FROM business_reviews r JOIN actors a ON a.id = r.author_id';

export function toBusinessPostChange(row: BusinessPostRow): BusinessPostChangeRow {
  if (row.deleted_at !== null) return { changeSeq: row.change_seq, deleted: true, id: row.id };
  const post: BusinessPost = {
    id: row.id,
    businessId: row.business_id,
    businessName: row.business_name,
    ownerId: row.owner_id,
    neighbourhoodId: row.neighbourhood_id,
    kind: row.kind as BusinessPostKind,
    title: row.title,
    text: row.text,
    photos: JSON.parse(row.photos) as ListingPhoto[],
    validUntil: row.valid_until === null ? null : Number(row.valid_until),
    createdAt: row.created_at,
  };
  return { changeSeq: row.change_seq, deleted: false, post };
}

export function toBusinessReview(row: BusinessReviewRow): BusinessReview {
  return {
    id: businessReviewId(row.business_id, row.author_id),
    businessId: row.business_id,
    authorId: row.author_id,
    authorName: row.author_name,
    stars: row.stars,
    text: row.text,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

export function toBusinessReviewChange(row: BusinessReviewRow): BusinessReviewChangeRow {
  return row.deleted_at !== null
    ? { changeSeq: row.change_seq, deleted: true, id: businessReviewId(row.business_id, row.author_id) }
    : { changeSeq: row.change_seq, deleted: false, review: toBusinessReview(row) };
}
