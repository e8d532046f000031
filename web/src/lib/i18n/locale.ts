// The person's language: Korean or English, chosen by Paraglide's strategy (their own choice on
// this device, else the browser's preference, else English). Screens read messages through
// `$lib/paraglide/messages`; this module is for what is not a message: Intl's locale tag, the
// document's language and the account screen's switch.
import { getLocale, locales, setLocale, type Locale } from '../paraglide/runtime.js';
import { forgetFeedPaint } from '../first-paint/first-paint.js';

export type { Locale };
export { getLocale, locales };

const INTL_TAGS: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' };

/** The BCP 47 tag Intl formats with, for the current language (or the one given). */
export function intlLocale(locale: Locale = getLocale()): string {
  return INTL_TAGS[locale];
}

/** `<html lang>` follows the language, so screen readers speak it and Korean wraps as Korean. */
export function applyDocumentLanguage(): void {
  document.documentElement.lang = getLocale();
}

/** The account screen's switch: remembered on this device; the page reloads in the new language. */
export function chooseLocale(locale: Locale): void {
  if (locale === getLocale()) return;
  // The feed's painting is in the old language.
  forgetFeedPaint();
  void setLocale(locale);
}
