// A price as people in each language write it: "15,000원" and "나눔" in Korean, "₩15,000" and
// "Free" in English. Digits are grouped by Intl.
import { intlLocale } from '../i18n/locale.js';

const formats = new Map<string, Intl.NumberFormat>();
function formatFor(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    const korean = locale.startsWith('ko');
    format = korean ? new Intl.NumberFormat(locale) : new Intl.NumberFormat(locale, { style: 'currency', currency: 'KRW' });
    formats.set(locale, format);
  }
  return format;
}

export function formatPrice(priceKrw: number, locale = intlLocale()): string {
  const korean = locale.startsWith('ko');
  if (priceKrw === 0) return korean ? '나눔' : 'Free';
  const amount = formatFor(locale).format(priceKrw);
  return korean ? `${amount}원` : amount;
}
