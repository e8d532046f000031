// A notification in words, in the reader's language: what it is about (a keyword, the listing's
// or the post's title) and what happened ("민지님이 채팅을 보냈어요: …"). The inbox shows both; a push,
// worded by the service worker in the device's language, makes them its title and body.
import type { Notification } from '@dongne/shared';
import { m } from '../paraglide/messages.js';
import { securityEventText } from '../account/security-event-text.js';
import { formatAppointment } from '../chat/chat-words.js';
import { formatPrice } from '../format/price.js';
import { intlLocale, type Locale } from '../i18n/locale.js';

/** What the words are made of: the inbox's notification, or what a push carried. */
export type Worded = Pick<Notification, 'kind' | 'title' | 'keyword' | 'event' | 'actorName' | 'snippet' | 'amountKrw' | 'at' | 'messageKind'>;

export interface NotificationWords {
  /** What it is about: the small line above in the inbox, a push's title. */
  about: string;
  /** What happened: the inbox's main line, a push's body. */
  says: string;
}

/**
 * `now` words an appointment's reminder ("in 40 min" while it is ahead); `locale` is the reader's
 * language when not given (the service worker gives the device's).
 */
export function notificationWords(n: Worded, now: number, locale?: Locale): NotificationWords {
  const options = locale ? { locale } : {};
  const name = n.actorName || m.alerts_someone({}, options);
  const price = n.amountKrw === null ? '' : formatPrice(n.amountKrw, intlLocale(locale));
  const when = n.at === null ? '' : formatAppointment(n.at, intlLocale(locale));
  const place = n.snippet ?? '';
  /** A sentence and the first words of what was written, when there are some. */
  const quoting = (sentence: string) => (n.snippet ? m.alerts_with_snippet({ sentence, snippet: n.snippet }, options) : sentence);
  // The trade's and the board's say what they are about by the listing's or post's own words.
  const about = n.title || m.alerts_title({}, options);
  switch (n.kind) {
    case 'keyword':
      return { about: m.alerts_keyword_match({ keyword: n.keyword ?? '' }, options), says: n.title };
    case 'security':
      return { about: m.alerts_security_title({}, options), says: securityEventText(n.event ?? '', n.title, locale) };
    case 'message':
      switch (n.messageKind) {
        case 'offer_accepted':
          return { about, says: m.alerts_message_offer_accepted({ name, price }, options) };
        case 'offer_declined':
          return { about, says: m.alerts_message_offer_declined({ name, price }, options) };
        case 'appointment':
          return { about, says: m.alerts_message_appointment({ name, when, place }, options) };
        case 'appointment_confirmed':
          return { about, says: m.alerts_message_appointment_confirmed({ name, when, place }, options) };
        default:
          return { about, says: quoting(m.alerts_message({ name }, options)) };
      }
    case 'offer':
      return { about, says: m.alerts_offer({ name, price }, options) };
    case 'appointment':
      return {
        about,
        says:
          n.at !== null && n.at > now
            ? m.alerts_appointment_soon({ name, lead: leadTime(n.at, now, locale), place }, options)
            : m.alerts_appointment_past({ name, when, place }, options),
      };
    case 'review_request':
      return { about, says: m.alerts_review_request({ name }, options) };
    case 'board_comment':
      return { about, says: quoting(m.alerts_board_comment({ name }, options)) };
    case 'board_reply':
      return { about, says: quoting(m.alerts_board_reply({ name }, options)) };
    case 'board_reaction':
      return { about, says: m.alerts_board_reaction({ name }, options) };
    // About the business (its name), saying its post's title and first words.
    case 'business_post':
      return { about, says: quoting(m.alerts_business_post({ name }, options)) };
  }
}

/**
 * "in an hour" when a reminder comes, then "in 40 min" / "40분 후"; by whole hours further ahead (a
 * device clock behind). No plural selector: the hour has its own words (see format/time.ts).
 */
function leadTime(at: number, now: number, locale?: Locale): string {
  const options = locale ? { locale } : {};
  const minutes = Math.ceil((at - now) / 60_000);
  if (minutes < 60) return m.alerts_in_minutes({ count: minutes }, options);
  const hours = Math.floor(minutes / 60);
  return hours === 1 ? m.alerts_in_an_hour({}, options) : m.alerts_in_hours({ count: hours }, options);
}
