// A price in the person's language (the rule itself is shared with the server's first paint).
import { priceIn } from '@dongne/shared';
import { intlLocale } from '../i18n/locale.js';

/** `locale`: a BCP 47 tag ('ko-KR', 'en-US'); the person's language when not given. */
export function formatPrice(priceKrw: number, locale = intlLocale()): string {
  return priceIn(priceKrw, locale);
}
