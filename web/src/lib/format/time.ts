// "3 hours ago" in the user's language, from the platform's Intl (no date library needed). Under a
// minute is "just now" / "방금 전": Intl's own word for it ("this minute", "현재 분") is not what
// people say.
import { intlLocale } from '../i18n/locale.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const JUST_NOW: Record<string, string> = { ko: '방금 전', en: 'just now' };

const formatters = new Map<string, Intl.RelativeTimeFormat>();
function formatterFor(locale: string): Intl.RelativeTimeFormat {
  let rtf = formatters.get(locale);
  if (!rtf) formatters.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return rtf;
}

/** `locale`: a BCP 47 tag; the person's chosen language when not given. */
export function timeAgo(at: number, now = Date.now(), locale = intlLocale()): string {
  const rtf = formatterFor(locale);
  const diff = at - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  const language = rtf.resolvedOptions().locale.split('-')[0];
  return JUST_NOW[language] ?? rtf.format(0, 'minute');
}
