// Removes one of the actor's own listings; other devices learn of it through a tombstone.
import { z } from 'zod/mini';

export const listingDeleteArgs = z.object({ id: z.uuid() });
export type ListingDeleteArgs = z.infer<typeof listingDeleteArgs>;
