// The one rule for free text from people and devices: no control characters and no half surrogate
// pairs. Nobody types them, and they break things far from where they came in (a NUL ends a string
// early for SQLite, so searching "lamp\0" failed and "\0" matched every listing). Text people write
// is cleaned, so a stray pasted character never costs a listing; values that must arrive exactly as
// typed (passwords) are refused instead.
import { z } from 'zod/mini';

// In /u mode a surrogate pair is one code point (an emoji), so \p{Cs} matches only a half on its own.
/** C0 and C1 control characters, DEL, and lone surrogates. */
const CONTROL = /[\p{Cc}\p{Cs}]/gu;
/** The same but line breaks and tabs, which a description may hold. */
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]|\p{Cs}/gu;
const HAS_CONTROL = /[\p{Cc}\p{Cs}]/u;

/** `text` without control characters and lone surrogates; `lines` keeps line breaks (\n) and tabs. */
export function stripControlCharacters(text: string, keep: { lines?: boolean } = {}): string {
  return text.replace(keep.lines ? CONTROL_BUT_LINES : CONTROL, '');
}

/** A zod check that strips them from one line of text: put it before z.trim(). */
export const singleLineText = () => z.overwrite((text: string) => stripControlCharacters(text));

/** A zod check that strips them from text that may span lines, keeping line breaks and tabs. */
export const multiLineText = () => z.overwrite((text: string) => stripControlCharacters(text, { lines: true }));

/** A zod check that refuses text holding any, for values that must arrive exactly as typed. */
export const noControlCharacters = (message: string) => z.refine<string>((text) => !HAS_CONTROL.test(text), message);
