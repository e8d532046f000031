// The one rule for free text from people and devices: no control characters and no half surrogate
// pairs. Nobody types them, and they break things far from where they came in (a NUL ends a string
// early for SQLite, so searching "lamp\0" failed and "\0" matched every listing). Text people write
// is cleaned, so a stray pasted character never costs a listing; values that must arrive exactly as
// typed (passwords) are refused instead.
import { z } from 'zod/mini';

// In /u mode a surrogate pair is one code point (an emoji), so \p{Cs} matches only a half on its own.
// Invisible characters nobody means to type go too: direction overrides and isolates (which make
// text read differently from how it is stored) and zero-width spaces, word joiners, byte-order
// marks and soft hyphens (which hide a phone number from the safety warnings, or make a message of
// nothing). The zero-width joiner and non-joiner stay: emoji sequences and some scripts need them.
/** C0 and C1 control characters, DEL, lone surrogates, and the invisible characters above. */
const CONTROL = /[\p{Cc}\p{Cs}\u00ad\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;
/** The same but line breaks and tabs, which a description may hold. */
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]|[\p{Cs}\u00ad\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;
const HAS_CONTROL = /[\p{Cc}\p{Cs}]/u;

/** `text` without control characters, lone surrogates and invisible ones; `lines` keeps line breaks (\n) and tabs. */
export function stripControlCharacters(text: string, keep: { lines?: boolean } = {}): string {
  return text.replace(keep.lines ? CONTROL_BUT_LINES : CONTROL, '');
}

/** A zod check that strips them from one line of text: put it before z.trim(). */
export const singleLineText = () => z.overwrite((text: string) => stripControlCharacters(text));

/** A zod check that strips them from text that may span lines, keeping line breaks and tabs. */
export const multiLineText = () => z.overwrite((text: string) => stripControlCharacters(text, { lines: true }));

/** Whether the text shows anything at all: a letter, digit, mark, symbol or emoji, not only spaces and joiners. */
export function hasVisibleText(text: string): boolean {
  return /[^\s\p{Cf}]/u.test(text);
}

/** A zod check that refuses text holding any, for values that must arrive exactly as typed. */
export const noControlCharacters = (message: string) => z.refine<string>((text) => !HAS_CONTROL.test(text), message);
