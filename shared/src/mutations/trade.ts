// The seller reserves a listing for a buyer who chatted about it, then completes the sale to them.
// (Sold to someone outside Dongne is listing.set_status 'sold': no buyer, no reviews.)
import { z } from 'zod/mini';
import { idSchema } from '../id.js';

export const tradeReserveArgs = z.object({ listingId: z.uuid(), buyerId: idSchema });
export type TradeReserveArgs = z.infer<typeof tradeReserveArgs>;

export const tradeCompleteArgs = z.object({ listingId: z.uuid(), buyerId: idSchema });
export type TradeCompleteArgs = z.infer<typeof tradeCompleteArgs>;
