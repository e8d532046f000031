// A business's profile as its neighbours read it (비즈프로필): the details its owner keeps up to date
// (address, opening hours, phone, photos, a short description), its news and coupons, its 단골
// (followers) and its reviews. The owner writes details and posts; neighbours follow and review.
import { z } from 'zod/mini';
import { listingPhotoSchema } from './media.js';
import { multiLineText, singleLineText } from './text.js';

export const BUSINESS_PROFILE_LIMITS = {
  addressMax: 120,
  hoursMax: 200,
  phoneMax: 20,
  descriptionMax: 500,
  photos: 10,
  postTitleMax: 60,
  postTextMax: 2000,
  reviewTextMax: 1000,
  /** Posts one business may publish in 24 hours: news, not a feed of ads. */
  postsPerDay: 10,
} as const;

const L = BUSINESS_PROFILE_LIMITS;

export const businessPhotosSchema = z.array(listingPhotoSchema).check(z.maxLength(L.photos, `At most ${L.photos} photos`));

const line = (max: number, what: string) =>
  z._default(z.string(`${what} is text`).check(singleLineText(), z.trim(), z.maxLength(max, `Keep ${what.toLowerCase()} under ${max} characters`)), '');

/** What the owner keeps on the profile; every field may be left empty. */
export const businessDetailsSchema = z.object({
  address: line(L.addressMax, 'The address'),
  // Opening hours are free text over a few lines ("월–금 8:00–20:00\n일 휴무"): shops keep odd hours.
  hours: z._default(z.string('Opening hours are text').check(multiLineText(), z.trim(), z.maxLength(L.hoursMax, `Keep the hours under ${L.hoursMax} characters`)), ''),
  phone: z._default(
    z.string('The phone number is text').check(
      singleLineText(),
      z.trim(),
      z.maxLength(L.phoneMax, `Keep the phone number under ${L.phoneMax} characters`),
      // Digits with the usual separators, so a tel: link dials it; empty for none.
      z.regex(/^(\+?[0-9][0-9 ()-]*[0-9])?$/, 'A phone number is digits, spaces, dashes or brackets'),
    ),
    '',
  ),
  description: z._default(
    z.string('The description is text').check(multiLineText(), z.trim(), z.maxLength(L.descriptionMax, `Keep the description under ${L.descriptionMax} characters`)),
    '',
  ),
  photos: z._default(businessPhotosSchema, []),
});
export type BusinessDetails = z.infer<typeof businessDetailsSchema>;

export const BUSINESS_POST_KINDS = ['news', 'coupon'] as const;
export type BusinessPostKind = (typeof BUSINESS_POST_KINDS)[number];

/** What the owner writes in a post (소식) or a coupon (쿠폰). */
export const businessPostContentSchema = z.object({
  kind: z.enum(BUSINESS_POST_KINDS, 'Choose news or coupon'),
  title: z.string('Give the post a title').check(
    singleLineText(),
    z.trim(),
    z.minLength(1, 'Give the post a title'),
    z.maxLength(L.postTitleMax, `Keep the title under ${L.postTitleMax} characters`),
  ),
  text: z._default(z.string('The text is text').check(multiLineText(), z.trim(), z.maxLength(L.postTextMax, `Keep the text under ${L.postTextMax} characters`)), ''),
  photos: z._default(businessPhotosSchema, []),
  /** The last moment the news or coupon holds (ms since 1970); null for no end. */
  validUntil: z._default(z.nullable(z.int('A date is whole milliseconds').check(z.gte(0), z.lte(4_102_444_800_000, 'A date is before 2100'))), null),
});
export type BusinessPostContent = z.infer<typeof businessPostContentSchema>;

export const businessStarsSchema = z.int('Give 1 to 5 stars').check(z.gte(1, 'Give 1 to 5 stars'), z.lte(5, 'Give 1 to 5 stars'));

export const businessReviewTextSchema = z.string('Write a few words').check(
  multiLineText(),
  z.trim(),
  z.minLength(1, 'Write a few words'),
  z.maxLength(L.reviewTextMax, `Keep a review under ${L.reviewTextMax} characters`),
);

/** A post as the pull carries it: to the business's area, its followers and its owner. */
export const businessPostRowSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  businessName: z.string(),
  ownerId: z.string(),
  neighbourhoodId: z.string(),
  kind: z.enum(BUSINESS_POST_KINDS),
  title: z.string(),
  text: z.string(),
  photos: z.array(listingPhotoSchema),
  validUntil: z.nullable(z.number()),
  createdAt: z.number(),
});
export type BusinessPost = z.infer<typeof businessPostRowSchema>;

/** A review as the pull carries it: one per person per business, so its id is theirs together. */
export const businessReviewRowSchema = z.object({
  id: z.string(),
  businessId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  stars: z.number(),
  text: z.string(),
  createdAt: z.number(),
  /** Set when its author replaced it with a new one. */
  editedAt: z.nullable(z.number()),
});
export type BusinessReview = z.infer<typeof businessReviewRowSchema>;
