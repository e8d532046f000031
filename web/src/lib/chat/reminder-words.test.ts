// The appointment reminder's words in English and Korean: the minutes to go, and its sentence with
// when, where and who emphasised in each language's own order.
import { afterEach, expect, it } from 'vitest';
import { overwriteGetLocale } from '../paraglide/runtime.js';
import { minutesUntil, reminderSpans } from './reminder-words.js';

afterEach(() => overwriteGetLocale(() => 'en'));

it('counts the minutes to an appointment, never fewer than one', () => {
  overwriteGetLocale(() => 'en');
  expect(minutesUntil(42 * 60_000 + 10_000, 0)).toBe('in 42 min');
  expect(minutesUntil(5_000, 0)).toBe('in 1 min');
  overwriteGetLocale(() => 'ko');
  expect(minutesUntil(42 * 60_000, 0)).toBe('42분 뒤');
});

it('emphasises when, where and who, in each language’s order', () => {
  overwriteGetLocale(() => 'ko');
  const words = { when: '42분 뒤', place: '판교역', name: '민지' };
  expect(reminderSpans(words).filter((s) => s.strong).map((s) => s.text)).toEqual(['42분 뒤', '민지', '판교역']);
  expect(reminderSpans(words).map((s) => s.text).join('')).toBe('42분 뒤에 민지님과 판교역에서 거래 약속이 있어요');
  overwriteGetLocale(() => 'en');
  const english = reminderSpans({ when: 'in 5 min', place: 'Exit 1', name: 'minji' });
  expect(english.map((s) => s.text).join('')).toBe('Trade appointment in 5 min at Exit 1 with minji');
  expect(english.filter((s) => s.strong).map((s) => s.text)).toEqual(['in 5 min', 'Exit 1', 'minji']);
});
