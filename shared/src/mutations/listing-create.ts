// Publishes a listing. The client picks the id so it can show the listing before the server has it.
import { z } from 'zod';
import { listingContentSchema } from '../listing.js';

export const listingCreateArgs = listingContentSchema.extend({ id: z.uuid() });
export type ListingCreateArgs = z.infer<typeof listingCreateArgs>;
