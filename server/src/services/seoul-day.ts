// The calendar day in Asia/Seoul that an instant falls on, as 'YYYY-MM-DD': the day a local ad's
// budget and dashboard are counted by. Korea keeps UTC+9 all year (no summer time), so a fixed
// offset is exact and needs no time-zone data.
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function seoulDay(ms: number): string {
  return new Date(ms + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** The `count` Seoul days ending with the day of `ms`, oldest first. */
export function seoulDaysUntil(ms: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => seoulDay(ms - (count - 1 - i) * DAY_MS));
}
