// A price as people in each language write it: "15,000원" and "나눔" in Korean, "₩15,000" and
// "Free" in English. Both group digits in threes with a comma, and won has no minor unit, so the
// digits are grouped here: the page's first Intl.NumberFormat costs 15–25 ms of main thread (the
// number data loads), a long task on a mid-range phone in the middle of drawing the first cards.
import { intlLocale } from '../i18n/locale.js';

/** 1250000 → "1,250,000" (whole won; a negative amount never reaches a price). */
function grouped(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `locale`: a BCP 47 tag ('ko-KR', 'en-US'); the person's language when not given. */
export function formatPrice(priceKrw: number, locale = intlLocale()): string {
  const korean = locale.toLowerCase().startsWith('ko');
  if (priceKrw === 0) return korean ? '나눔' : 'Free';
  return korean ? `${grouped(priceKrw)}원` : `₩${grouped(priceKrw)}`;
}
