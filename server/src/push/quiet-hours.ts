// Quiet hours (방해 금지 시간) on the person's own wall clock: a push that would arrive between
// `start` and `end` waits until `end`, the next morning when `end` is the earlier time. Worked out
// with Intl in their time zone, so daylight-saving zones keep their local times too.
import type { QuietHours } from '@dongne/shared';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a time zone Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the IANA time zone (Asia/Seoul), as a device's Intl reports it. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant the zone's wall clock shows `minutes` past midnight on the given day (overflowing days roll on). */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  // The offset where the answer lands may differ from the first guess's (a clock change between).
  return wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * When the quiet hours that hold `now` end; undefined when `now` is outside them, or they are off
 * (or start and end at the same minute, an empty span).
 */
export function quietHoursEnd(quiet: QuietHours, now: number): number | undefined {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (!quiet.enabled || start === end) return undefined;
  const wall = wallClockAt(now, quiet.timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return undefined;
  // Past midnight's side of a span that wraps ends today; the evening side ends tomorrow.
  const tomorrow = start > end && minute >= start ? 1 : 0;
  const endsAt = instantOf(wall.year, wall.month, wall.day + tomorrow, end, quiet.timeZone);
  // A morning whose `end` the clocks skip (a daylight-saving jump) can land before now: nothing to hold.
  return endsAt > now ? endsAt : undefined;
}
