// The adjacent letter (or digit) pairs of a text, lower-cased, each once, separated by spaces: what
// the listings_bigrams index stores, so a two-character search word is found as a whole word.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function bigramsOf(text: string): string {
  const chars = [...text.toLowerCase()];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (LETTER_OR_DIGIT.test(chars[i]) && LETTER_OR_DIGIT.test(chars[i + 1])) pairs.add(chars[i] + chars[i + 1]);
  }
  return [...pairs].join(' ');
}

/** A search word the pairs index can answer: exactly two letters or digits. */
export function isBigramWord(word: string): boolean {
  const chars = [...word];
  return chars.length === 2 && chars.every((c) => LETTER_OR_DIGIT.test(c));
}
