// The chat's words for what happened in a conversation: a one-line summary of its latest step for
// the Chats tab, the line a trade step shows in the chat, and the safety warnings, said from the
// reader's side ("Reserved for you" to the buyer, "Reserved for minji" to the seller).
import { formatKrw, type ChatMessage, type Conversation, type SafetyWarning } from '@dongne/shared';

type Last = NonNullable<Conversation['lastMessage']>;
type People = Pick<Conversation, 'buyerId' | 'buyer' | 'seller'>;

/** The Chats tab's line for the conversation's latest step. */
export function lastMessageLine(conversation: People & { lastMessage: Last }, me: string): string {
  const last = conversation.lastMessage;
  const mine = last.senderId === me;
  const iAmBuyer = conversation.buyerId === me;
  switch (last.kind) {
    case 'text':
      return last.text;
    case 'offer':
      return `${mine ? 'You offered' : 'Offered'} ${last.priceKrw === null ? 'a price' : formatKrw(last.priceKrw)}`;
    case 'offer_accepted':
      return mine ? 'You accepted the offer' : 'Offer accepted';
    case 'offer_declined':
      return mine ? 'You declined the offer' : 'Offer declined';
    case 'appointment':
      return mine ? 'You proposed a time to meet' : 'Appointment proposed';
    case 'appointment_confirmed':
      return 'Appointment confirmed';
    case 'reserved':
      return iAmBuyer ? 'Reserved for you' : `Reserved for ${conversation.buyer.nickname}`;
    case 'sold':
      return iAmBuyer ? 'Sold to you' : `Sold to ${conversation.buyer.nickname}`;
  }
}

/** Who did it, from the reader's side. */
function who(senderId: string, me: string, people: People): string {
  if (senderId === me) return 'You';
  return senderId === people.buyerId ? people.buyer.nickname : people.seller.nickname;
}

/** The line a trade step (anything but text and offers, which show as cards) shows in the chat. */
export function stepLine(message: ChatMessage, me: string, people: People): string {
  const actor = who(message.senderId, me, people);
  const buyer = people.buyerId === me ? 'you' : people.buyer.nickname;
  const price = message.priceKrw === null ? '' : ` of ${formatKrw(message.priceKrw)}`;
  switch (message.kind) {
    case 'offer_accepted':
      return `${actor} accepted the offer${price}`;
    case 'offer_declined':
      return `${actor} declined the offer${price}`;
    case 'appointment_confirmed':
      return `${actor} confirmed the appointment${message.appointment ? `: ${formatAppointment(message.appointment.at)} at ${message.appointment.place}` : ''}`;
    case 'reserved':
      return `${actor} reserved this for ${buyer}`;
    case 'sold':
      return `${actor} marked this sold to ${buyer}`;
    default:
      return message.text;
  }
}

const appointmentFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "Sat, Mar 14, 7:30 PM" in the person's language. */
export function formatAppointment(at: number): string {
  return appointmentFormat.format(at);
}

/** The day a run of messages was written, for the line between days. */
export function formatDay(at: number): string {
  return dayFormat.format(at);
}

/** The time beside a message. */
export function formatClock(at: number): string {
  return clockFormat.format(at);
}

/** "in 42 min" until an appointment within the hour. */
export function minutesUntil(at: number, now: number): string {
  const minutes = Math.max(1, Math.round((at - now) / 60_000));
  return `in ${minutes} min`;
}

/** What each safety warning tells both people, under the message that set it off. */
export const SAFETY_WORDS: Record<SafetyWarning, string> = {
  phone: 'This message has a phone number. Keep payments and talk on Dongne until you meet.',
  bank_account: 'This message has a bank account number. Never transfer money before you have seen the item in person.',
  messenger: 'This message points to another messenger. Scams often start by moving the chat off Dongne: keep talking here.',
};
