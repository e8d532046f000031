// "3 hours ago" in the person's language, from the app's own messages. Not Intl.RelativeTimeFormat:
// building one takes 15–20 ms of main thread the first time (it loads the locale's data), which on
// a mid-range phone is a long task in the middle of the feed's first drawing. Under a minute is
// "just now" / "방금 전"; one day, week, month or year back is "yesterday" / "어제" and so on, as
// people say it.
import { m } from '../paraglide/messages.js';
import { intlLocale } from '../i18n/locale.js';

type Count = (inputs: { count: number }, options: { locale: 'en' | 'ko' }) => string;
type Word = (inputs: Record<string, never>, options: { locale: 'en' | 'ko' }) => string;

/**
 * Longest unit first; `one` is how a single one back is said. The messages have no plural
 * selectors (Paraglide builds an Intl.PluralRules per plural call, paid per card of a list): the
 * count of one has its own words.
 */
const UNITS: { ms: number; ago: Count; one: Word }[] = [
  { ms: 365 * 24 * 3600_000, ago: m.time_years_ago, one: m.time_last_year },
  { ms: 30 * 24 * 3600_000, ago: m.time_months_ago, one: m.time_last_month },
  { ms: 7 * 24 * 3600_000, ago: m.time_weeks_ago, one: m.time_last_week },
  { ms: 24 * 3600_000, ago: m.time_days_ago, one: m.time_yesterday },
  { ms: 3600_000, ago: m.time_hours_ago, one: m.time_hour_ago },
  { ms: 60_000, ago: m.time_minutes_ago, one: m.time_minute_ago },
];

/**
 * `locale`: a BCP 47 tag; the person's chosen language when not given (English for a language
 * the app does not speak). A time ahead of `now` (another device's clock) is "just now".
 */
export function timeAgo(at: number, now = Date.now(), locale = intlLocale()): string {
  const options = { locale: locale.toLowerCase().startsWith('ko') ? ('ko' as const) : ('en' as const) };
  const past = now - at;
  for (const unit of UNITS) {
    if (past < unit.ms) continue;
    const count = Math.round(past / unit.ms);
    return count === 1 ? unit.one({}, options) : unit.ago({ count }, options);
  }
  return m.time_just_now({}, options);
}
