// The mutation registry: every mutation name and the one schema its args must satisfy.
// Adding a mutation means an entry here and one server handler; the compiler finds the rest.
import { z } from 'zod/mini';
import { listingCreateArgs } from './listing-create.js';
import { listingDeleteArgs } from './listing-delete.js';
import { listingSetStatusArgs } from './listing-set-status.js';
import { listingUpdateArgs } from './listing-update.js';
import { listingSetHiddenArgs } from './listing-set-hidden.js';
import { listingBumpArgs } from './listing-bump.js';
import { listingSetLikedArgs } from './listing-set-liked.js';
import { draftUpdateArgs } from './draft-update.js';
import { draftDeleteArgs } from './draft-delete.js';
import { neighbourhoodSetArgs } from './neighbourhood-set.js';
import { neighbourhoodVerifyArgs } from './neighbourhood-verify.js';
import { chatSendArgs } from './chat-send.js';
import { chatReadArgs } from './chat-read.js';
import { chatAnswerOfferArgs, chatOfferArgs } from './chat-offer.js';
import { chatConfirmAppointmentArgs, chatProposeAppointmentArgs } from './chat-appointment.js';
import { tradeCompleteArgs, tradeReserveArgs } from './trade.js';
import { reviewCreateArgs } from './review-create.js';
import { blockSetArgs } from './block-set.js';
import { reportCreateArgs } from './report-create.js';
import { keywordAddArgs, keywordRemoveArgs } from './keyword.js';
import { notificationReadArgs } from './notification-read.js';
import {
  boardCommentArgs,
  boardDeleteArgs,
  boardDeleteCommentArgs,
  boardPostArgs,
  boardReactArgs,
  boardUpdateArgs,
  boardUpdateCommentArgs,
} from './board.js';
import { adEventsArgs, businessCreateArgs, campaignCreateArgs } from '../business.js';
import { campaignEndArgs } from './campaign-end.js';
import { businessDeletePostArgs, businessFollowArgs, businessPostArgs, businessReviewArgs, businessUpdateArgs } from './business.js';

export const mutationArgs = {
  'listing.create': listingCreateArgs,
  'listing.delete': listingDeleteArgs,
  'listing.set_status': listingSetStatusArgs,
  'listing.update': listingUpdateArgs,
  'listing.set_hidden': listingSetHiddenArgs,
  'listing.bump': listingBumpArgs,
  'listing.set_liked': listingSetLikedArgs,
  'draft.update': draftUpdateArgs,
  'draft.delete': draftDeleteArgs,
  'neighbourhood.set': neighbourhoodSetArgs,
  'neighbourhood.verify': neighbourhoodVerifyArgs,
  'chat.send': chatSendArgs,
  'chat.read': chatReadArgs,
  'chat.offer': chatOfferArgs,
  'chat.answer_offer': chatAnswerOfferArgs,
  'chat.propose_appointment': chatProposeAppointmentArgs,
  'chat.confirm_appointment': chatConfirmAppointmentArgs,
  'trade.reserve': tradeReserveArgs,
  'trade.complete': tradeCompleteArgs,
  'review.create': reviewCreateArgs,
  'block.set': blockSetArgs,
  'report.create': reportCreateArgs,
  'keyword.add': keywordAddArgs,
  'keyword.remove': keywordRemoveArgs,
  'notification.read': notificationReadArgs,
  'board.post': boardPostArgs,
  'board.update': boardUpdateArgs,
  'board.delete': boardDeleteArgs,
  'board.comment': boardCommentArgs,
  'board.update_comment': boardUpdateCommentArgs,
  'board.delete_comment': boardDeleteCommentArgs,
  'board.react': boardReactArgs,
  'business.create': businessCreateArgs,
  'business.update': businessUpdateArgs,
  'business.post': businessPostArgs,
  'business.delete_post': businessDeletePostArgs,
  'business.follow': businessFollowArgs,
  'business.review': businessReviewArgs,
  'campaign.create': campaignCreateArgs,
  'campaign.end': campaignEndArgs,
  'ad.events': adEventsArgs,
} as const;

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgs)[N]>;

export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgs, name);
}

/** Mutations that change a listing that already exists (args.id names it). */
export const LISTING_CHANGE_MUTATIONS = [
  'listing.delete',
  'listing.set_status',
  'listing.update',
  'listing.set_hidden',
  'listing.bump',
  'listing.set_liked',
] as const satisfies readonly MutationName[];
export type ListingChangeMutation = (typeof LISTING_CHANGE_MUTATIONS)[number];

export function isListingChangeMutation(name: string): name is ListingChangeMutation {
  return (LISTING_CHANGE_MUTATIONS as readonly string[]).includes(name);
}

export * from './listing-create.js';
export * from './listing-delete.js';
export * from './listing-set-status.js';
export * from './listing-update.js';
export * from './listing-set-hidden.js';
export * from './listing-bump.js';
export * from './listing-set-liked.js';
export * from './draft-update.js';
export * from './draft-delete.js';
export * from './neighbourhood-set.js';
export * from './neighbourhood-verify.js';
export * from './chat-send.js';
export * from './chat-read.js';
export * from './chat-offer.js';
export * from './chat-appointment.js';
export * from './trade.js';
export * from './review-create.js';
export * from './block-set.js';
export * from './report-create.js';
export * from './keyword.js';
export * from './notification-read.js';
export * from './board.js';
export * from './campaign-end.js';
export * from './business.js';

/** Mutations inside one conversation (args name its listing and buyer). */
export const CONVERSATION_MUTATIONS = [
  'chat.send',
  'chat.read',
  'chat.offer',
  'chat.answer_offer',
  'chat.propose_appointment',
  'chat.confirm_appointment',
  'trade.reserve',
  'trade.complete',
] as const satisfies readonly MutationName[];
export type ConversationMutation = (typeof CONVERSATION_MUTATIONS)[number];
