// A business's life in plain rules, apart from its schemas: the device's sync code on the feed's
// first visit uses these, and importing a module of zod schemas would bring zod's core with it.
import type { BusinessDetails, BusinessPost } from './business-profile.js';

/** The id a person's review of a business has, on the server and on the device alike. */
export function businessReviewId(businessId: string, authorId: string): string {
  return `${businessId}:${authorId}`;
}

/** The stars shown on a profile: one decimal, null with no reviews yet. */
export function averageStars(starSum: number, reviewCount: number): number | null {
  return reviewCount > 0 ? Math.round((starSum / reviewCount) * 10) / 10 : null;
}

/** Whether a coupon or news still holds at `now`. */
export function isPostCurrent(post: Pick<BusinessPost, 'validUntil'>, now: number): boolean {
  return post.validUntil === null || post.validUntil >= now;
}

/** A business's profile fields before its owner writes any and before anyone follows or reviews it. */
export const BUSINESS_PROFILE_BLANK: Readonly<BusinessDetails & { followerCount: number; reviewCount: number; starSum: number }> = {
  address: '',
  hours: '',
  phone: '',
  description: '',
  photos: [],
  followerCount: 0,
  reviewCount: 0,
  starSum: 0,
};
