// Quiet hours on the person's wall clock: inside or outside, wrapping past midnight, other time
// zones and their clock changes, and time zones Intl does not know.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS } from '@dongne/shared';
import { isTimeZone, quietHoursEnd } from './quiet-hours.js';

/** The instant Seoul's clocks (UTC+9, no summer time) show this date and time. */
const seoul = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour - 9, minute);

describe('quiet hours', () => {
  it('hold from 22:00 to 08:00 in Seoul by default, the evening until the next morning', () => {
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(1, 21, 59))).toBeUndefined();
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(1, 22))).toBe(seoul(2, 8));
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(1, 23, 59))).toBe(seoul(2, 8));
    // Past midnight: the same morning.
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(2, 0))).toBe(seoul(2, 8));
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(2, 7, 59) + 59_000)).toBe(seoul(2, 8));
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(2, 8))).toBeUndefined();
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(2, 12))).toBeUndefined();
    // At the end of a month.
    expect(quietHoursEnd(DEFAULT_QUIET_HOURS, seoul(31, 23))).toBe(seoul(32, 8));
  });

  it('within one day when they do not wrap', () => {
    const afternoon = { enabled: true, start: '13:00', end: '14:30', timeZone: 'Asia/Seoul' };
    expect(quietHoursEnd(afternoon, seoul(1, 12, 59))).toBeUndefined();
    expect(quietHoursEnd(afternoon, seoul(1, 13))).toBe(seoul(1, 14, 30));
    expect(quietHoursEnd(afternoon, seoul(1, 14, 30))).toBeUndefined();
  });

  it('hold nothing when turned off, or when they start and end at the same minute', () => {
    expect(quietHoursEnd({ ...DEFAULT_QUIET_HOURS, enabled: false }, seoul(1, 23))).toBeUndefined();
    expect(quietHoursEnd({ ...DEFAULT_QUIET_HOURS, start: '08:00' }, seoul(1, 8))).toBeUndefined();
  });

  it('follow the wall clock of zones with summer time, across the change', () => {
    const newYork = { enabled: true, start: '22:00', end: '08:00', timeZone: 'America/New_York' };
    // 2026-03-07 23:00 EST (UTC-5); the clocks go forward on the 8th at 02:00, so 08:00 is EDT (UTC-4).
    expect(quietHoursEnd(newYork, Date.UTC(2026, 2, 8, 4, 0))).toBe(Date.UTC(2026, 2, 8, 12, 0));
    // And back on 2026-11-01: 08:00 is EST again.
    expect(quietHoursEnd(newYork, Date.UTC(2026, 10, 1, 3, 0))).toBe(Date.UTC(2026, 10, 1, 13, 0));
    const kolkata = { enabled: true, start: '22:00', end: '06:45', timeZone: 'Asia/Kolkata' };
    expect(quietHoursEnd(kolkata, Date.UTC(2026, 2, 1, 18, 0))).toBe(Date.UTC(2026, 2, 2, 1, 15));
  });

  it('know the time zones Intl knows', () => {
    for (const zone of ['Asia/Seoul', 'UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires']) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['', 'Seoul', 'Mars/Olympus_Mons', 'Asia/Seoul ', '+09:00x']) expect(isTimeZone(zone), zone).toBe(false);
  });
});
