// Display helpers both sides agree on (e.g. the seed script and the UI).
export function formatKrw(priceKrw: number): string {
  if (priceKrw === 0) return 'Free (나눔)';
  return `₩${priceKrw.toLocaleString('en-US')}`;
}
