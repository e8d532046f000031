// A listing as the server stores it and every device replicates it.
// Schemas use zod/mini: the same checks as classic zod at a fraction of the app-shell bytes.
import { z } from 'zod/mini';
import { categoryIdSchema } from './categories.js';

export const LISTING_LIMITS = {
  titleMax: 80,
  descriptionMax: 4000,
  neighbourhoodMax: 60,
  priceMaxKrw: 1_000_000_000,
} as const;

/** The fields a seller writes; shared by the draft editor and the publish mutation. */
export const listingContentSchema = z.object({
  title: z.string('Give your listing a title').check(
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
    .check(z.maxLength(LISTING_LIMITS.descriptionMax, `Keep the description under ${LISTING_LIMITS.descriptionMax} characters`)),
  neighbourhoodId: z.string('Choose your neighbourhood first').check(
    z.minLength(1, 'Choose your neighbourhood first'),
    z.maxLength(LISTING_LIMITS.neighbourhoodMax, 'That neighbourhood id is too long'),
  ),
});
export type ListingContent = z.infer<typeof listingContentSchema>;

export const listingSchema = z.extend(listingContentSchema, {
  id: z.uuid(),
  sellerId: z.string(),
  sellerName: z.string(),
  /** Display name of the neighbourhood, e.g. "Pangyo-dong 판교동". */
  neighbourhood: z.string(),
  status: z.enum(['selling', 'reserved', 'sold']),
  createdAt: z.int(),
  updatedAt: z.int(),
});
export type Listing = z.infer<typeof listingSchema>;
