// Display helpers both sides agree on (e.g. the seed script and the UI).
export function formatKrw(priceKrw: number): string {
  if (priceKrw === 0) return 'Free (나눔)';
  return `₩${priceKrw.toLocaleString('en-US')}`;
}

/** 1250000 → "1,250,000" (whole won; a negative amount never reaches a price). */
function grouped(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A price as people in each language write it: "15,000원" and "나눔" in Korean, "₩15,000" and
 * "Free" in English. `locale` is a BCP 47 tag ('ko-KR', 'en-US'). Both group digits in threes with a
 * comma, and won has no minor unit, so the digits are grouped here: a page's first
 * Intl.NumberFormat costs 15–25 ms of main thread (the number data loads), a long task on a
 * mid-range phone in the middle of drawing the first cards.
 */
export function priceIn(priceKrw: number, locale: string): string {
  const korean = locale.toLowerCase().startsWith('ko');
  if (priceKrw === 0) return korean ? '나눔' : 'Free';
  return korean ? `${grouped(priceKrw)}원` : `₩${grouped(priceKrw)}`;
}
