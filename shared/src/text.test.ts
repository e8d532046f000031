import { describe, expect, it } from 'vitest';
import { credentialsSchema, listingContentSchema, nicknameSchema, passwordSchema, searchQuerySchema, searchRequestSchema, stripControlCharacters } from './index.js';

/** Every C0 control, DEL, a few C1 controls, and both halves of a surrogate pair on their own. */
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0080', '\u0085', '\u009f', '\ud800', '\udfff'];

describe('stripControlCharacters', () => {
  it('removes every control character and lone surrogate, and nothing else', () => {
    for (const control of CONTROLS) expect(stripControlCharacters(`lamp${control}s`), JSON.stringify(control)).toBe('lamps');
    // Letters of any script, emoji (a surrogate pair, and a joiner sequence) and spaces stay.
    const kept = '이케아 램프 — Émile’s 🪴 👩‍👩‍👧 lamp';
    expect(stripControlCharacters(kept)).toBe(kept);
  });

  it('removes direction overrides, zero-width spaces, word joiners, byte-order marks and soft hyphens, in both forms', () => {
    for (const invisible of ['\u202e', '\u202a', '\u2066', '\u2069', '\u200b', '\u2060', '\ufeff', '\u00ad']) {
      expect(stripControlCharacters(`010${invisible}1234`), JSON.stringify(invisible)).toBe('0101234');
      expect(stripControlCharacters(`one${invisible}\ntwo`, { lines: true }), JSON.stringify(invisible)).toBe('one\ntwo');
    }
    // Joiners stay: emoji sequences need them.
    expect(stripControlCharacters('👩\u200d👩\u200d👧')).toBe('👩\u200d👩\u200d👧');
  });

  it('keeps line breaks and tabs in text that may span lines', () => {
    expect(stripControlCharacters('one\ntwo\tthree\u0000\r\n', { lines: true })).toBe('one\ntwo\tthree\n');
    expect(stripControlCharacters('one\ntwo\tthree')).toBe('onetwothree');
  });
});

describe('free text in the shared schemas', () => {
  const listing = { title: 'Lamp', priceKrw: 1000, category: 'books', description: '', neighbourhoodId: 'kr-bundang-pangyo' };

  it('strips control characters from a listing’s title, description and meeting spot before trimming', () => {
    const parsed = listingContentSchema.parse({
      ...listing,
      title: ' \u0000IKEA\u0007 lamp\ud800 ',
      description: 'Works.\nBulb\tincluded.\u0000\u001b[31m',
      meetingSpot: '\u0000 Exit 1\r\n',
    });
    expect(parsed).toMatchObject({ title: 'IKEA lamp', description: 'Works.\nBulb\tincluded.[31m', meetingSpot: 'Exit 1' });
    // A title of nothing but control characters is no title.
    expect(listingContentSchema.safeParse({ ...listing, title: '\u0000\u0001' }).error?.issues[0].message).toBe('Give your listing a title');
  });

  it('strips them from search words: nothing left is nothing to search for', () => {
    expect(searchRequestSchema.parse({ q: 'lamp\u0000' }).q).toBe('lamp');
    expect(searchRequestSchema.safeParse({ q: '\u0000' }).error?.issues[0].message).toBe('Type something to search for');
    expect(searchQuerySchema.parse({ q: ' Pangyo\u0000 ' }).q).toBe('Pangyo');
  });

  it('refuses them in nicknames and passwords, which must arrive exactly as typed', () => {
    for (const control of CONTROLS) {
      expect(nicknameSchema.safeParse(`min${control}ho`).success, JSON.stringify(control)).toBe(false);
    }
    for (const control of CONTROLS) {
      const password = passwordSchema.safeParse(`long enough${control}password`);
      expect(password.error?.issues[0].message, JSON.stringify(control)).toBe('A password cannot contain control characters');
    }
    expect(credentialsSchema.safeParse({ nickname: 'minho', password: 'long enough password' }).success).toBe(true);
  });
});
