-- Two-character words are everyday Korean search terms (의자 chair, 책상 desk), and the trigram index
-- cannot find them: they fell back to LIKE over every listing in range, tens of milliseconds at
-- the wide ranges. This index holds each listing's adjacent letter pairs as words, so a
-- two-character word is one index lookup. The pairs are computed in the listings store (SQL cannot
-- split text into pairs in a trigger); rows written before this migration are filled in when the
-- store opens.
CREATE VIRTUAL TABLE listings_bigrams USING fts5(grams, tokenize = 'unicode61 remove_diacritics 0');
