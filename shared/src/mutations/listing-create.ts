// Publishes a listing. The client picks the id so it can show the listing before the server has it.
import { z } from 'zod/mini';
import { listingContentSchema } from '../listing.js';

export const listingCreateArgs = z.extend(listingContentSchema, { id: z.uuid() });
export type ListingCreateArgs = z.infer<typeof listingCreateArgs>;
