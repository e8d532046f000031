// A listing as the server stores it and every device replicates it.
import { z } from 'zod';
import { categoryIdSchema } from './categories.js';

export const LISTING_LIMITS = {
  titleMax: 80,
  descriptionMax: 4000,
  neighbourhoodMax: 60,
  priceMaxKrw: 1_000_000_000,
} as const;

/** The fields a seller writes; shared by the draft editor and the publish mutation. */
export const listingContentSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give your listing a title')
    .max(LISTING_LIMITS.titleMax, `Keep the title under ${LISTING_LIMITS.titleMax} characters`),
  priceKrw: z
    .number({ message: 'Price must be a number of won' })
    .int('Price must be whole won')
    .min(0, 'Price cannot be negative')
    .max(LISTING_LIMITS.priceMaxKrw, 'That price is too high'),
  category: categoryIdSchema,
  description: z
    .string()
    .max(LISTING_LIMITS.descriptionMax, `Keep the description under ${LISTING_LIMITS.descriptionMax} characters`),
  neighbourhood: z
    .string()
    .trim()
    .min(1, 'Say which neighbourhood the item is in')
    .max(LISTING_LIMITS.neighbourhoodMax),
});
export type ListingContent = z.infer<typeof listingContentSchema>;

export const listingSchema = listingContentSchema.extend({
  id: z.uuid(),
  sellerId: z.string(),
  sellerName: z.string(),
  status: z.enum(['selling', 'reserved', 'sold']),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Listing = z.infer<typeof listingSchema>;
