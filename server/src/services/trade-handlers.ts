// Selling to a buyer and reviewing each other (거래 후기). Only the seller reserves or sells, and
// only to someone who chatted about the listing; only the two sides of a completed trade review
// each other, once each (both are asked to, in their inbox), and the reviewee's manner temperature
// is recomputed from the reviews.
import type { Handlers, MutationContext } from './mutation-context.js';
import { conversationOrReject, mustBe, postMessage, type Conversing } from './conversation-rules.js';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import { listingNotFound, seenInArea } from './listing-guards.js';
import { MANNER_WINDOW_MS, mannerTemperature } from './manner-temperature.js';
import { MutationRejected } from './service-error.js';
import { clearReservations } from './trade-rules.js';
import { askForReviews } from './trade-notifications.js';

type TradeHandlers = Pick<Handlers, 'trade.reserve' | 'trade.complete' | 'review.create'>;

/** The conversation the seller acts on for a trade: it must exist, which means the buyer chatted. */
async function tradeConversationOrReject(ctx: MutationContext, listingId: string, buyerId: string): Promise<Conversing> {
  const listing = await ctx.tx.listings.ownerOf(listingId);
  if (listing && listing.sellerId !== ctx.actor.id) throw new MutationRejected('trade.not_seller', 'Only the seller can reserve or sell this listing.');
  try {
    const conversing = await conversationOrReject(ctx, listingId, buyerId);
    mustBe(conversing, 'seller', 'reserve or sell this listing');
    if (conversing.listing.deleted) throw listingNotFound();
    return conversing;
  } catch (error) {
    if (error instanceof MutationRejected && error.code === 'chat.no_conversation') {
      throw new MutationRejected('trade.no_conversation', 'You can reserve or sell only to someone who has chatted with you about this listing.');
    }
    throw error;
  }
}

export const tradeHandlers: TradeHandlers = {
  async 'trade.reserve'(ctx, args) {
    const conversing = await tradeConversationOrReject(ctx, args.listingId, args.buyerId);
    if (conversing.conversation!.trade === 'reserved') return;
    const listing = (await ctx.tx.listings.byId(args.listingId))!;
    if (listing.status === 'sold') throw new MutationRejected('trade.already_sold', 'This listing is already sold. Mark it for sale again first.');
    await clearReservations(ctx, args.listingId, args.buyerId);
    await ctx.tx.listings.setStatus(args.listingId, 'reserved', ctx.now, await ctx.tx.sync.nextChangeSeq());
    // The message's id is the mutation's: unique, and the same if this mutation is ever replayed.
    await postMessage(ctx, conversing, { id: ctx.mutation.mutationId, kind: 'reserved' }, (c) => ({ ...c, trade: 'reserved' }));
    seenInArea(ctx, conversing.listing);
  },

  async 'trade.complete'(ctx, args) {
    const conversing = await tradeConversationOrReject(ctx, args.listingId, args.buyerId);
    const listing = (await ctx.tx.listings.byId(args.listingId))!;
    if (listing.status === 'sold') {
      if (conversing.conversation!.trade === 'sold') return;
      throw new MutationRejected('trade.already_sold', 'This listing is already marked sold. Mark it for sale again to sell it to this buyer.');
    }
    await clearReservations(ctx, args.listingId, args.buyerId);
    await ctx.tx.listings.setStatus(args.listingId, 'sold', ctx.now, await ctx.tx.sync.nextChangeSeq());
    await ctx.tx.trades.record({ listingId: args.listingId, buyerId: args.buyerId, sellerId: ctx.actor.id, completedAt: ctx.now });
    await postMessage(ctx, conversing, { id: ctx.mutation.mutationId, kind: 'sold' }, (c) => ({ ...c, trade: 'sold' }));
    await askForReviews(ctx, { listingId: args.listingId, title: listing.title, buyerId: args.buyerId });
    seenInArea(ctx, conversing.listing);
  },

  async 'review.create'(ctx, args) {
    const { tx, actor, now } = ctx;
    if (args.revieweeId === actor.id) throw new MutationRejected('review.self', 'You cannot review yourself.');
    // The conversation is read and saved whole below, and the temperature recomputed from every
    // review received: neither may miss what another push commits meanwhile (see conversationOrReject).
    await tx.sync.holdChanges();
    const listing = await tx.listings.ownerOf(args.listingId);
    if (!listing) throw listingNotFound();
    // The buyer of a trade reviews its seller; the seller reviews the buyer they sold to.
    const buyerId = actor.id === listing.sellerId ? args.revieweeId : actor.id;
    const trade = await tx.trades.get(args.listingId, buyerId);
    if (!trade || (actor.id !== listing.sellerId && args.revieweeId !== listing.sellerId)) {
      throw new MutationRejected('review.no_trade', 'You can review someone only after a trade with them completed on Dongne.');
    }
    if (await tx.blocks.isBlocking(args.revieweeId, actor.id)) {
      throw new MutationRejected('review.blocked', 'You cannot review this person.');
    }
    if (await tx.reviews.exists(args.listingId, actor.id, args.revieweeId)) {
      throw new MutationRejected('review.already', 'You have already reviewed this trade.');
    }
    try {
      await tx.reviews.insert({ ...args, text: args.text ?? '', reviewerId: actor.id, createdAt: now });
    } catch (error) {
      if (error instanceof DuplicateError) throw new MutationRejected('review.id_taken', 'This review id is already in use. Send the review again.');
      throw error;
    }
    const evaluations = await tx.reviews.receivedSince(args.revieweeId, now - MANNER_WINDOW_MS);
    await tx.actors.setMannerTemperature(args.revieweeId, mannerTemperature(evaluations, now));
    const conversation = await tx.conversations.get(args.listingId, buyerId);
    if (conversation) {
      const side = actor.id === buyerId ? 'buyerReviewed' : 'sellerReviewed';
      await tx.conversations.save({ ...conversation, [side]: true, updatedAt: now }, await tx.sync.nextChangeSeq());
    }
    ctx.accountChanged(args.revieweeId);
  },
};
