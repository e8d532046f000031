// Calendar dates in the person's language, from the platform's Intl ("2026년 11월 30일", "Nov 30, 2026").
import { intlLocale } from '../i18n/locale.js';

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(at: number, locale = intlLocale()): string {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' })));
  return format.format(at);
}
