// Keyword alerts (키워드 알림): words a person wants to hear about the moment a neighbour lists them.
// A keyword matches a listing by search's own rule (every word inside the title or description,
// case aside), so Korean inside longer words and two-letter words match as they do in search.
import { z } from 'zod/mini';
import { searchWords } from './search.js';
import { singleLineText } from './text.js';

export const KEYWORD_LIMITS = {
  /** Keywords one person may keep. */
  perPerson: 30,
  minChars: 2,
  maxChars: 30,
} as const;

/** A keyword as kept and compared: NFC, trimmed, inner spaces single, lower-cased. */
export function normalizeKeyword(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export const keywordSchema = z.pipe(
  z.string('A keyword is text').check(
    singleLineText(),
    z.trim(),
    z.minLength(KEYWORD_LIMITS.minChars, `A keyword has at least ${KEYWORD_LIMITS.minChars} characters`),
    z.maxLength(KEYWORD_LIMITS.maxChars, `A keyword has at most ${KEYWORD_LIMITS.maxChars} characters`),
  ),
  z.transform(normalizeKeyword),
);

/** Keywords in the order a person's list shows them (and the server keeps them): by code point. */
export function compareKeywords(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a listing's text (title and description) holds the keyword, as search would find it. */
export function keywordMatches(text: string, keyword: string): boolean {
  const lower = text.toLowerCase();
  return searchWords(keyword).every((word) => lower.includes(word));
}

/**
 * The key a keyword is filed under in the alert index: the first two characters of its longest
 * word (or the one character of a one-character word). A text can hold the keyword only if it
 * holds this key, so matching a new listing looks up its keys instead of every saved keyword.
 */
export function keywordKey(keyword: string): string {
  const longest = searchWords(keyword).reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
  return [...longest].slice(0, 2).join('');
}

/** Every key a keyword held by `text` could be filed under: each character and each pair of adjacent ones inside a word. */
export function keysOfText(text: string): string[] {
  const keys = new Set<string>();
  for (const word of text.toLowerCase().split(/\s+/)) {
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      keys.add(chars[i]);
      if (i + 1 < chars.length) keys.add(chars[i] + chars[i + 1]);
    }
  }
  keys.delete('');
  return [...keys];
}
