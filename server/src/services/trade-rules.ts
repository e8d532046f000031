// What a listing's trade state means for its conversations: at most one buyer holds the listing
// (reserved for, or sold to, them), and a status the seller sets by hand names no buyer. Each
// conversation carries the listing as it is now, so a change to the listing sends them all again.
import type { MutationContext } from './mutation-context.js';

/**
 * Sends every conversation about the listing but `skipBuyerId`'s to both participants again (a new
 * change number): the listing they carry has changed, and a participant whose area does not hold
 * the listing learns of an edit, a status or a deletion only this way. With `clearTrade`, the
 * reservation (or sale) each held is taken off too.
 */
export async function resendConversations(
  ctx: MutationContext,
  listingId: string,
  { skipBuyerId, clearTrade = false }: { skipBuyerId?: string; clearTrade?: boolean } = {},
): Promise<void> {
  for (const conversation of await ctx.tx.conversations.ofListing(listingId)) {
    if (conversation.buyerId === skipBuyerId) continue;
    const cleared = clearTrade && conversation.trade !== null ? { ...conversation, trade: null, updatedAt: ctx.now } : conversation;
    await ctx.tx.conversations.save(cleared, await ctx.tx.sync.nextChangeSeq());
    ctx.accountChanged(conversation.buyerId);
    ctx.accountChanged(conversation.sellerId);
  }
}

/** Takes the reservation (or sale) off every conversation about the listing but `keepBuyerId`'s. */
export async function clearReservations(ctx: MutationContext, listingId: string, keepBuyerId?: string): Promise<void> {
  await resendConversations(ctx, listingId, { skipBuyerId: keepBuyerId, clearTrade: true });
}
