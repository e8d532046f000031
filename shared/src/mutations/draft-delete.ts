// The person deletes a draft; their other devices drop it at their next pull.
import { z } from 'zod/mini';

export const draftDeleteArgs = z.object({ id: z.uuid() });
export type DraftDeleteArgs = z.infer<typeof draftDeleteArgs>;
