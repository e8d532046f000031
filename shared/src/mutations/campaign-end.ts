// Ends one of the owner's campaigns for good: it stops serving at once, and devices drop it at their
// next pull (a tombstone). Its figures stay on the dashboard.
import { z } from 'zod/mini';

export const campaignEndArgs = z.object({ id: z.uuid() });
export type CampaignEndArgs = z.infer<typeof campaignEndArgs>;
