// The appointment reminder's words: how long until the appointment, and its sentence with when,
// where and who emphasised. Apart from the chat's other words because the reminder is on every
// screen: the first visit's JavaScript carries these few messages only.
import { m } from '../paraglide/messages.js';

/** "in 42 min" / "42분 뒤" until an appointment within the hour; never fewer than one. */
export function minutesUntil(at: number, now: number): string {
  return m.chat_in_minutes({ count: Math.max(1, Math.round((at - now) / 60_000)) });
}

/** A run of a sentence, emphasised or not. */
export type Span = { text: string; strong: boolean };

/**
 * The appointment reminder's sentence as runs, with when, where and who emphasised ({#b}…{/b} in
 * the message), so each language keeps its own word order around them.
 */
export function reminderSpans(words: { when: string; place: string; name: string }): Span[] {
  const spans: Span[] = [];
  let strong = false;
  for (const part of m.chat_reminder.parts(words)) {
    if (part.type === 'text') spans.push({ text: part.value, strong });
    else if (part.name === 'b') strong = part.type === 'markup-start';
  }
  return spans;
}
