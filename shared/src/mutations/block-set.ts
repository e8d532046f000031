// Block (차단) or unblock a person: a blocked person cannot message me, and our listings leave each
// other's feed and search.
import { z } from 'zod/mini';
import { idSchema } from '../id.js';

export const blockSetArgs = z.object({ actorId: idSchema, blocked: z.boolean('Blocked is yes or no') });
export type BlockSetArgs = z.infer<typeof blockSetArgs>;
