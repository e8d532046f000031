// Chat mutations: messages, read receipts, offers (가격 제안) and appointments (거래 약속). Every
// one of them is an action inside one conversation, checked by conversation-rules.ts; what the
// other side is told of each is in trade-notifications.ts, and a confirmed appointment's reminder
// in appointment-reminders.ts.
import { CHAT_LIMITS } from '@dongne/shared';
import type { Handlers } from './mutation-context.js';
import { conversationOrReject, mustBe, postMessage, saveConversation } from './conversation-rules.js';
import { listingNotFound } from './listing-guards.js';
import { MutationRejected } from './service-error.js';
import { readConversationNotifications } from './trade-notifications.js';
import { keepReminder } from './appointment-reminders.js';

type ChatHandlers = Pick<Handlers, 'chat.send' | 'chat.read' | 'chat.offer' | 'chat.answer_offer' | 'chat.propose_appointment' | 'chat.confirm_appointment'>;

export const chatHandlers: ChatHandlers = {
  async 'chat.send'(ctx, args) {
    const conversing = await conversationOrReject(ctx, args.listingId, args.buyerId, { start: true });
    await postMessage(ctx, conversing, { id: args.id, kind: 'text', text: args.text });
  },

  async 'chat.read'(ctx, args) {
    // A block stops what is said, not reading what was said before it: refused, the unread count
    // of either side could never fall back to 0.
    const conversing = await conversationOrReject(ctx, args.listingId, args.buyerId, { evenIfBlocked: true });
    const conversation = conversing.conversation!;
    const side = conversing.role === 'buyer' ? 'buyerReadN' : 'sellerReadN';
    // Never back, and never past what was said: a device cannot read what does not exist yet.
    const upTo = Math.min(args.upTo, conversation.lastN);
    if (upTo <= conversation[side]) return;
    const unread = await ctx.tx.messages.unreadAfter(args.listingId, args.buyerId, ctx.actor.id, upTo);
    const unreadSide = conversing.role === 'buyer' ? 'buyerUnread' : 'sellerUnread';
    await saveConversation(ctx, { ...conversation, [side]: upTo, [unreadSide]: unread }, conversing.otherId);
    // Read to the end: what the inbox said of it is read too (one not read to the end may be newer).
    if (upTo === conversation.lastN) await readConversationNotifications(ctx, args.listingId, args.buyerId);
  },

  async 'chat.offer'(ctx, args) {
    const conversing = await conversationOrReject(ctx, args.listingId, args.buyerId, { start: true });
    mustBe(conversing, 'buyer', 'offer a price');
    const listing = await ctx.tx.listings.byId(args.listingId);
    if (!listing) throw listingNotFound();
    if (!listing.acceptsOffers) throw new MutationRejected('chat.offers_closed', 'The seller does not take offers on this listing; the price is firm.');
    if (listing.status !== 'selling') throw new MutationRejected('chat.listing_not_selling', 'This listing is reserved or sold, so it no longer takes offers.');
    await postMessage(ctx, conversing, { id: args.id, kind: 'offer', priceKrw: args.priceKrw }, (c) => ({
      ...c,
      offer: { id: args.id, priceKrw: args.priceKrw, status: 'pending' },
    }));
  },

  async 'chat.answer_offer'(ctx, args) {
    const conversing = await conversationOrReject(ctx, args.listingId, args.buyerId);
    mustBe(conversing, 'seller', 'answer an offer');
    const offer = conversing.conversation!.offer;
    if (offer?.id !== args.offerId || offer.status !== 'pending') {
      throw new MutationRejected('chat.offer_not_pending', 'This offer was already answered, or the buyer has made another since.');
    }
    const status = args.accept ? 'accepted' : 'declined';
    await postMessage(
      ctx,
      conversing,
      { id: args.id, kind: args.accept ? 'offer_accepted' : 'offer_declined', priceKrw: offer.priceKrw, refId: offer.id },
      (c) => ({ ...c, offer: { ...offer, status } }),
    );
  },

  async 'chat.propose_appointment'(ctx, args) {
    const conversing = await conversationOrReject(ctx, args.listingId, args.buyerId);
    if (args.at <= ctx.now) throw new MutationRejected('chat.appointment_past', 'That time has already passed. Choose a time still to come.');
    if (args.at > ctx.now + CHAT_LIMITS.appointmentAheadMaxMs) {
      throw new MutationRejected('chat.appointment_too_far', 'Choose a time in the next six months.');
    }
    const place = { at: args.at, place: args.place, lat: args.lat, lng: args.lng };
    await postMessage(ctx, conversing, { id: args.id, kind: 'appointment', text: args.place, appointment: place }, (c) => ({
      ...c,
      appointment: { ...place, id: args.id, proposedBy: ctx.actor.id, confirmed: false },
    }));
  },

  async 'chat.confirm_appointment'(ctx, args) {
    const conversing = await conversationOrReject(ctx, args.listingId, args.buyerId);
    const appointment = conversing.conversation!.appointment;
    if (appointment?.id !== args.appointmentId || appointment.confirmed) {
      throw new MutationRejected('chat.appointment_not_pending', 'This appointment was already confirmed, or another time has been proposed since.');
    }
    if (appointment.proposedBy === ctx.actor.id) {
      throw new MutationRejected('chat.appointment_own', 'You proposed this time: the other person confirms it.');
    }
    if (appointment.at <= ctx.now) throw new MutationRejected('chat.appointment_past', 'That time has already passed. Propose another.');
    const { at, place, lat, lng } = appointment;
    await postMessage(ctx, conversing, { id: args.id, kind: 'appointment_confirmed', text: place, appointment: { at, place, lat, lng }, refId: appointment.id }, (c) => ({
      ...c,
      appointment: { ...appointment, confirmed: true },
    }));
    await keepReminder(ctx.tx, { listingId: args.listingId, buyerId: args.buyerId }, appointment, ctx.now);
  },
};
