// The search benchmark's query set: words as people type them, in Korean and English, with the
// filters and ranges the search screen sends. Shared by the benchmark and by the test that both
// store engines answer every one of them alike.
/** Search words as people type them, each with the category its item is in (for the category filter). */
export const WORDS: Record<string, [q: string, category: string][]> = {
  'Korean ≥ 3 chars (trigram)': [
    ['암체어', 'furniture'],
    ['자전거', 'kids'],
    ['청소기', 'household'],
    ['전기밥솥', 'household'],
    ['노스페이스', 'clothing'],
    ['배드민턴', 'sports'],
    ['모니터', 'digital'],
    ['유모차', 'kids'],
    // A prefix sellers put on one Korean title in ten: thousands of matches.
    ['미개봉', 'beauty'],
  ],
  'Korean 2 chars (pairs index)': [
    ['의자', 'furniture'],
    ['패딩', 'clothing'],
    ['화분', 'plants'],
    ['책장', 'furniture'],
    ['소파', 'furniture'],
    ['라켓', 'sports'],
    // Nothing sells as 텐트: every listing in range is read to say so.
    ['텐트', 'sports'],
    ['버즈', 'digital'],
  ],
  'English (trigram)': [
    ['lego', 'kids'],
    ['kindle', 'digital'],
    ['chair', 'furniture'],
    ['desk', 'furniture'],
    ['headphones', 'digital'],
    ['coat', 'clothing'],
    ['aquarium', 'pets'],
    ['tickets', 'tickets'],
  ],
  'two words': [
    ['이케아 암체어', 'furniture'],
    ['nintendo switch', 'digital'],
    ['아기 옷', 'free'],
    ['yoga mat', 'sports'],
    ['캠핑 의자', 'sports'],
    ['dining table', 'furniture'],
    ['like new', 'digital'],
  ],
};
export const FILTERS: Record<string, (category: string) => Record<string, string>> = {
  'no filter': () => ({}),
  category: (category) => ({ category }),
  'price 10k–100k': () => ({ minPrice: '10000', maxPrice: '100000' }),
};
export const RANGES = [1, 4] as const;
