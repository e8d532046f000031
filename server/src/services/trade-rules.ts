// What a listing's trade state means for its conversations: at most one buyer holds the listing
// (reserved for, or sold to, them), and a status the seller sets by hand names no buyer.
import type { MutationContext } from './mutation-context.js';

/** Takes the reservation (or sale) off every conversation about the listing but `keepBuyerId`'s. */
export async function clearReservations(ctx: MutationContext, listingId: string, keepBuyerId?: string): Promise<void> {
  for (const conversation of await ctx.tx.conversations.ofListing(listingId)) {
    if (conversation.trade === null || conversation.buyerId === keepBuyerId) continue;
    await ctx.tx.conversations.save({ ...conversation, trade: null, updatedAt: ctx.now }, await ctx.tx.sync.nextChangeSeq());
    ctx.accountChanged(conversation.buyerId);
    ctx.accountChanged(conversation.sellerId);
  }
}
