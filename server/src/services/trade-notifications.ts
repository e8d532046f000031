// What a trade tells the people in it (their inbox, and a push): the other side's chat message,
// offer, answer to an offer, or appointment proposed or confirmed — one `message` or `offer` row per
// conversation, refreshed by the next — and, once the listing is sold, each side's request to review
// the other (told once). Never the person who acted, and never across a block: every chat action
// that reaches here was refused between people who blocked one another (conversationOrReject).
import { conversationId, NOTIFICATION_LIMITS, type ChatMessage, type NotificationKind } from '@dongne/shared';
import type { MutationContext } from './mutation-context.js';
import { notify } from './notify.js';

/** The first words of what someone wrote, on one line, as a notification keeps them. */
export function snippetOf(text: string): string {
  // By code points: a cut in the middle of an emoji would leave half of it.
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, NOTIFICATION_LIMITS.snippetMax).join('');
}

/** A conversation as a notification names it: whom to tell, and the listing's title. */
export interface ToldConversation {
  listingId: string;
  buyerId: string;
  title: string;
  /** The other participant: the one told. */
  otherId: string;
}

/** Tells the other participant of a message `ctx.actor` just added to the conversation. */
export async function tellOfMessage(ctx: MutationContext, conversation: ToldConversation, message: Pick<ChatMessage, 'kind' | 'text' | 'priceKrw' | 'appointment'>): Promise<void> {
  const about = {
    actorId: conversation.otherId,
    subjectId: conversationId(conversation.listingId, conversation.buyerId),
    title: conversation.title,
    keyword: null,
    byActorId: ctx.actor.id,
    actorName: ctx.actor.nickname,
  };
  if (message.kind === 'offer') {
    await notify(ctx, { ...about, kind: 'offer', amountKrw: message.priceKrw });
    return;
  }
  // An answer to an offer or an appointment has no words of its own to quote: its kind, price,
  // time and place let each device say it in its own language. An appointment's text is its place.
  await notify(ctx, {
    ...about,
    kind: 'message',
    messageKind: message.kind,
    snippet: message.text ? snippetOf(message.text) : null,
    amountKrw: message.priceKrw,
    at: message.appointment?.at ?? null,
  });
}

/** What a conversation's screen shows: reading all of it reads what the inbox said of it. */
const CONVERSATION_KINDS: readonly NotificationKind[] = ['message', 'offer', 'appointment'];

/** Marks read what `ctx.actor` was told about the conversation: they have read it to the end. */
export async function readConversationNotifications(ctx: MutationContext, listingId: string, buyerId: string): Promise<void> {
  const subjectId = conversationId(listingId, buyerId);
  for (const kind of CONVERSATION_KINDS) {
    await ctx.tx.notifications.markReadAbout(ctx.actor.id, kind, subjectId, ctx.now, await ctx.tx.sync.nextChangeSeq());
  }
}

/**
 * After a sale, asks the seller (`ctx.actor`) and the buyer each to review the other, unless they
 * already have (a listing sold to the same buyer again). Told once per listing.
 */
export async function askForReviews(ctx: MutationContext, sale: { listingId: string; title: string; buyerId: string }): Promise<void> {
  const { tx, actor } = ctx;
  const buyer = await tx.actors.byId(sale.buyerId);
  if (!buyer) return;
  const sides = [
    { reviewer: actor.id, reviewee: { id: buyer.id, name: buyer.nickname } },
    { reviewer: buyer.id, reviewee: { id: actor.id, name: actor.nickname } },
  ];
  for (const { reviewer, reviewee } of sides) {
    if (await tx.reviews.exists(sale.listingId, reviewer, reviewee.id)) continue;
    await notify(ctx, {
      actorId: reviewer,
      kind: 'review_request',
      subjectId: sale.listingId,
      title: sale.title,
      keyword: null,
      byActorId: reviewee.id,
      actorName: reviewee.name,
    });
  }
}
