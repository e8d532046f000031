// The chat's words for what happened in a conversation, in the person's language: a one-line
// summary of its latest step for the Chats tab, the line a trade step shows in the chat, and the
// safety warnings, said from the reader's side ("Reserved for you" to the buyer, "Reserved for
// minji" to the seller). Korean drops the subject when it is the reader, as people say it.
import type { ChatMessage, Conversation, SafetyWarning } from '@dongne/shared';
import { m } from '../paraglide/messages.js';
import { formatPrice } from '../format/price.js';
import { intlLocale } from '../i18n/locale.js';

type Last = NonNullable<Conversation['lastMessage']>;
type People = Pick<Conversation, 'buyerId' | 'buyer' | 'seller'>;

/** The Chats tab's line for the conversation's latest step. */
export function lastMessageLine(conversation: People & { lastMessage: Last }, me: string): string {
  const last = conversation.lastMessage;
  const mine = last.senderId === me;
  const iAmBuyer = conversation.buyerId === me;
  const buyer = conversation.buyer.nickname;
  switch (last.kind) {
    case 'text':
      return last.text;
    case 'offer': {
      const price = last.priceKrw === null ? '' : formatPrice(last.priceKrw);
      return (mine ? m.chat_last_offer_mine({ price }) : m.chat_last_offer({ price })).trim();
    }
    case 'offer_accepted':
      return mine ? m.chat_last_offer_accepted_mine() : m.chat_last_offer_accepted();
    case 'offer_declined':
      return mine ? m.chat_last_offer_declined_mine() : m.chat_last_offer_declined();
    case 'appointment':
      return mine ? m.chat_last_appointment_mine() : m.chat_last_appointment();
    case 'appointment_confirmed':
      return m.chat_last_appointment_confirmed();
    case 'reserved':
      return iAmBuyer ? m.chat_last_reserved_for_me() : m.chat_last_reserved({ buyer });
    case 'sold':
      return iAmBuyer ? m.chat_last_sold_to_me() : m.chat_last_sold({ buyer });
  }
}

/** The nickname of whoever sent the step. */
function senderName(senderId: string, people: People): string {
  return senderId === people.buyerId ? people.buyer.nickname : people.seller.nickname;
}

/** The line a trade step (anything but text and offers, which show as cards) shows in the chat. */
export function stepLine(message: ChatMessage, me: string, people: People): string {
  const mine = message.senderId === me;
  const actor = senderName(message.senderId, people);
  const forMe = people.buyerId === me;
  const buyer = people.buyer.nickname;
  const price = message.priceKrw === null ? '' : formatPrice(message.priceKrw);
  switch (message.kind) {
    case 'offer_accepted':
      return mine ? m.chat_step_offer_accepted_mine({ price }) : m.chat_step_offer_accepted({ actor, price });
    case 'offer_declined':
      return mine ? m.chat_step_offer_declined_mine({ price }) : m.chat_step_offer_declined({ actor, price });
    case 'appointment_confirmed': {
      if (!message.appointment) return m.chat_appointment_confirmed();
      const words = { actor, when: formatAppointment(message.appointment.at), place: message.appointment.place };
      return mine ? m.chat_step_confirmed_mine(words) : m.chat_step_confirmed(words);
    }
    case 'reserved':
      return mine ? m.chat_step_reserved_mine({ buyer }) : forMe ? m.chat_step_reserved_for_me({ actor }) : m.chat_step_reserved({ actor, buyer });
    case 'sold':
      return mine ? m.chat_step_sold_mine({ buyer }) : forMe ? m.chat_step_sold_to_me({ actor }) : m.chat_step_sold({ actor, buyer });
    default:
      return message.text;
  }
}

// The language is fixed for a page's life (a switch reloads), so each format is made once per tag.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(name: string, options: Intl.DateTimeFormatOptions, locale: string): Intl.DateTimeFormat {
  const key = `${name}:${locale}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** "Sat, Mar 14, 7:30 PM" / "3월 14일 (토) 오후 7:30". */
export function formatAppointment(at: number, locale = intlLocale()): string {
  return dateFormat('appointment', { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, locale).format(at);
}

/** The day a run of messages was written, for the line between days. */
export function formatDay(at: number, locale = intlLocale()): string {
  return dateFormat('day', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }, locale).format(at);
}

/** The time beside a message. */
export function formatClock(at: number, locale = intlLocale()): string {
  return dateFormat('clock', { hour: 'numeric', minute: '2-digit' }, locale).format(at);
}

/** What a safety warning tells both people, under the message that set it off. */
export function safetyWords(warning: SafetyWarning): string {
  return m.chat_safety({ warning });
}
