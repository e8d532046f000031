// Calendar dates in the person's language, from the platform's Intl.
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(at: number): string {
  return dateFormat.format(at);
}
