// A business's life after it opens: its owner keeps the profile's details and publishes news and
// coupons; neighbours follow it (단골) and review it. Ids of posts are the device's, so a resend is
// taken once; a review's id is its business and author together, so a second one replaces the first.
import { z } from 'zod/mini';
import { businessDetailsSchema, businessPostContentSchema, businessReviewTextSchema, businessStarsSchema } from '../business-profile.js';

/** The owner replaces the profile's details (every field, as the edit form holds them). */
export const businessUpdateArgs = z.extend(businessDetailsSchema, { id: z.uuid() });
export type BusinessUpdateArgs = z.infer<typeof businessUpdateArgs>;

/** The owner publishes news or a coupon; its followers are told. */
export const businessPostArgs = z.extend(businessPostContentSchema, { id: z.uuid(), businessId: z.uuid() });
export type BusinessPostArgs = z.infer<typeof businessPostArgs>;

export const businessDeletePostArgs = z.object({ id: z.uuid() });
export type BusinessDeletePostArgs = z.infer<typeof businessDeletePostArgs>;

/** Becomes a 단골 of a business, or stops; sending the state already held changes nothing. */
export const businessFollowArgs = z.object({ businessId: z.uuid(), following: z.boolean('Following is yes or no') });
export type BusinessFollowArgs = z.infer<typeof businessFollowArgs>;

/** A neighbour's review; a second one from the same person replaces the first. */
export const businessReviewArgs = z.object({ businessId: z.uuid(), stars: businessStarsSchema, text: businessReviewTextSchema });
export type BusinessReviewArgs = z.infer<typeof businessReviewArgs>;
