// Nicknames: what one may be made of, following Unicode's identifier security rules (UTS #39) so
// that a nickname shows what it is. Any language's letters, with their combining marks (Hindi and
// Thai vowel signs); digits and . _ -; nothing invisible (default-ignorable characters, Hangul
// fillers); one script, or the mixes UTS #39 calls highly restrictive (Korean with Hanja and Latin,
// Japanese, Chinese with Bopomofo); and a right-to-left name starts with a letter, so bidirectional
// reordering cannot make `1-אב` show as `אב-1`. Uniqueness by confusable skeleton is the server's
// (server/src/services/nickname-skeleton.ts), whose data is too large for the app.
import { z } from 'zod/mini';
import { RIGHT_TO_LEFT_SCRIPTS, scriptsOf } from './unicode-scripts.js';

export const NICKNAME_RULES = { min: 2, max: 20 } as const;

/** Characters that show nothing: default-ignorable ones and the Hangul fillers, which render blank. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u115f\u1160\u3164\uffa0]/u;

/** Scripts that may mix in one name (UTS #39 "highly restrictive"). */
const ALLOWED_MIXES = [
  ['Latn', 'Hani', 'Hang'],
  ['Latn', 'Hani', 'Hira', 'Kana'],
  ['Latn', 'Hani', 'Bopo'],
];

/** Whether every character shares a script, or the scripts are one of the allowed mixes. */
export function isSingleScript(nickname: string): boolean {
  const sets = [...nickname].map(scriptsOf).filter((scripts) => scripts.length > 0);
  if (sets.length === 0) return true;
  const shared = sets.reduce((common, scripts) => common.filter((s) => scripts.includes(s)));
  if (shared.length > 0) return true;
  return ALLOWED_MIXES.some((mix) => sets.every((scripts) => scripts.some((s) => mix.includes(s))));
}

/** A right-to-left name must start with one of its letters: a leading digit or mark would show at the other end. */
export function readsOneWay(nickname: string): boolean {
  const chars = [...nickname];
  const rightToLeft = chars.some((char) => scriptsOf(char).some((s) => RIGHT_TO_LEFT_SCRIPTS.has(s)));
  return !rightToLeft || (/\p{L}/u.test(chars[0]) && scriptsOf(chars[0]).some((s) => RIGHT_TO_LEFT_SCRIPTS.has(s)));
}

export const nicknameSchema = z.string('Choose a nickname').check(
  z.trim(),
  // One spelling per name: composed Hangul, ordinary (not full-width) letters.
  z.overwrite((value) => value.normalize('NFKC')),
  z.minLength(NICKNAME_RULES.min, `A nickname has at least ${NICKNAME_RULES.min} characters`),
  z.maxLength(NICKNAME_RULES.max, `A nickname has at most ${NICKNAME_RULES.max} characters`),
  z.refine((value) => !INVISIBLE.test(value), 'A nickname cannot hold invisible characters'),
  // The pattern refuses control characters and spaces on its own; marks follow a letter.
  z.regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N}_.-]*$/u, 'Use letters (any language), numbers, and . _ - (not at the start)'),
  z.refine(isSingleScript, 'Write a nickname in one alphabet (Korean may mix with Hanja and Latin letters)'),
  z.refine(readsOneWay, 'A right-to-left nickname starts with a letter'),
);

/**
 * A nickname as typed at sign-in: any account made before the rules above must still get in, so
 * only its size and control characters are checked here.
 */
export const signInNicknameSchema = z.string('Enter your nickname').check(
  z.trim(),
  z.overwrite((value) => value.normalize('NFKC')),
  z.minLength(1, 'Enter your nickname'),
  z.maxLength(40, 'A nickname has at most 40 characters'),
  z.regex(/^[^\p{Cc}\p{Cs}]*$/u, 'A nickname cannot contain control characters'),
);

/**
 * What makes two nicknames "the same" to type: compatibility-normalised, then lower-cased in any
 * script. Sign-in finds accounts by it, and sign-in failures are counted by it.
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLowerCase();
}
