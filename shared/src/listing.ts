// A listing as the server stores it and every device replicates it.
// Schemas use zod/mini: the same checks as classic zod at a fraction of the app-shell bytes.
import { z } from 'zod/mini';
import { categoryIdSchema } from './category-schema.js';
import { LISTING_STATUSES } from './listing-status.js';
import { listingPhotoSchema, listingPhotosSchema } from './media.js';
import { multiLineText, noControlCharacters, singleLineText } from './text.js';

export const LISTING_LIMITS = {
  /** New listings one account may publish in 24 hours: a neighbour sells a few things, not thousands. */
  perDay: 50,
  titleMax: 80,
  descriptionMax: 4000,
  neighbourhoodMax: 60,
  meetingSpotMax: 100,
  priceMaxKrw: 1_000_000_000,
} as const;

/**
 * The fields a seller writes; shared by the draft editor and the publish mutation. Control
 * characters are stripped from the text (a description keeps its line breaks and tabs).
 */
export const listingContentSchema = z.object({
  title: z.string('Give your listing a title').check(
    singleLineText(),
    z.trim(),
    z.minLength(1, 'Give your listing a title'),
    z.maxLength(LISTING_LIMITS.titleMax, `Keep the title under ${LISTING_LIMITS.titleMax} characters`),
  ),
  priceKrw: z.int('Price must be a whole number of won').check(
    z.gte(0, 'Price cannot be negative'),
    z.lte(LISTING_LIMITS.priceMaxKrw, 'That price is too high'),
  ),
  category: categoryIdSchema,
  description: z
    .string('Description must be text')
    .check(multiLineText(), z.maxLength(LISTING_LIMITS.descriptionMax, `Keep the description under ${LISTING_LIMITS.descriptionMax} characters`)),
  neighbourhoodId: z.string('Choose your neighbourhood first').check(
    z.minLength(1, 'Choose your neighbourhood first'),
    z.maxLength(LISTING_LIMITS.neighbourhoodMax, 'That neighbourhood id is too long'),
    noControlCharacters('That neighbourhood id has control characters'),
  ),
  /** The seller will hear offers below the asking price (가격 제안 받기). */
  acceptsOffers: z._default(z.boolean('Accepts offers is yes or no'), false),
  /** Where the seller likes to meet, e.g. "Pangyo station exit 1". */
  meetingSpot: z._default(
    z.string('Meeting spot must be text').check(
      singleLineText(),
      z.trim(),
      z.maxLength(LISTING_LIMITS.meetingSpotMax, `Keep the meeting spot under ${LISTING_LIMITS.meetingSpotMax} characters`),
    ),
    '',
  ),
  photos: z._default(listingPhotosSchema, []),
});
export type ListingContent = z.infer<typeof listingContentSchema>;

export const listingSchema = z.extend(listingContentSchema, {
  id: z.uuid(),
  sellerId: z.string(),
  sellerName: z.string(),
  /** Display name of the neighbourhood, e.g. "Pangyo-dong 판교동". */
  neighbourhood: z.string(),
  status: z.enum(LISTING_STATUSES),
  /** Hidden listings are seen by their seller only. */
  hidden: z.boolean(),
  createdAt: z.int(),
  updatedAt: z.int(),
  /** The feed's order: creation, or the last bump. */
  bumpedAt: z.int(),
  /** When the seller last bumped it; null if never (a bump in the very millisecond of publishing counts). */
  lastBumpedAt: z.nullable(z.int()),
  /** Set by an edit after publishing; the listing then shows "edited". */
  editedAt: z.nullable(z.int()),
  likeCount: z.int(),
  viewCount: z.int(),
});
export type Listing = z.infer<typeof listingSchema>;

/**
 * A listing as a pull (or a refusal's `current`) carries it to a device. The server checked the
 * seller's words when it took the change, and every row it sends comes from its own store; the
 * device checks once more only the shape it relies on — types, the enums, photo hashes (they go
 * into URLs) — not the text rules, which cost a phone's CPU on every row of every page.
 */
export const listingRowSchema = z.object({
  id: z.string(),
  sellerId: z.string(),
  sellerName: z.string(),
  title: z.string(),
  priceKrw: z.number(),
  category: categoryIdSchema,
  description: z.string(),
  neighbourhoodId: z.string(),
  neighbourhood: z.string(),
  acceptsOffers: z.boolean(),
  meetingSpot: z.string(),
  photos: z.array(listingPhotoSchema),
  status: z.enum(LISTING_STATUSES),
  hidden: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  bumpedAt: z.number(),
  lastBumpedAt: z.nullable(z.number()),
  editedAt: z.nullable(z.number()),
  likeCount: z.number(),
  viewCount: z.number(),
});

/** GET /api/listings/:id answers one listing as the asker may see it. */
export const listingAnswerSchema = z.object({ listing: listingRowSchema });
export type ListingAnswer = z.infer<typeof listingAnswerSchema>;

/** What a newly published listing has besides its content; a fresh row's starting values. */
export const NEW_LISTING_STATE = {
  status: 'selling',
  hidden: false,
  editedAt: null,
  lastBumpedAt: null,
  likeCount: 0,
  viewCount: 0,
} as const satisfies Partial<Listing>;

/** The content fields an edit may change: everything but the place it is sold in. */
export const listingEditableSchema = z.omit(listingContentSchema, { neighbourhoodId: true });
export type ListingEditable = z.infer<typeof listingEditableSchema>;

/** A seller may bump a listing to the top of the feed once a day. */
export const BUMP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** When the listing may next be bumped; a never-bumped listing may be bumped at once. */
export function nextBumpAt(listing: Pick<Listing, 'createdAt' | 'lastBumpedAt'>): number {
  // Rows cached before lastBumpedAt existed lack it: treat them as never bumped, the server decides.
  return listing.lastBumpedAt == null ? listing.createdAt : listing.lastBumpedAt + BUMP_INTERVAL_MS;
}

/**
 * Who may see a listing: nobody once it is deleted, and only its seller while it is hidden. Every
 * read and every action on a listing answers as if it did not exist for anyone else.
 */
export function isListingVisibleTo(listing: { sellerId: string; hidden: boolean; deleted?: boolean }, viewerId: string | undefined): boolean {
  return !listing.deleted && (!listing.hidden || listing.sellerId === viewerId);
}
