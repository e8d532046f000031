// The manners a trading partner can be evaluated on (매너 평가), good and bad, with their words in
// Korean and English. The one list reviews, the server's rules and every screen share.
export const GOOD_MANNERS = {
  kind: { ko: '친절하고 매너가 좋아요', en: 'Kind and polite' },
  on_time: { ko: '시간 약속을 잘 지켜요', en: 'On time' },
  quick_reply: { ko: '응답이 빨라요', en: 'Quick to reply' },
  as_described: { ko: '상품 상태가 설명과 같아요', en: 'Item as described' },
  fair_price: { ko: '좋은 상품을 저렴하게 판매해요', en: 'Fair price' },
  easy_meeting: { ko: '거래 장소를 배려해 줬어요', en: 'Easy to meet' },
} as const;

export const BAD_MANNERS = {
  late: { ko: '약속 시간에 늦었어요', en: 'Late' },
  no_show: { ko: '약속 장소에 나타나지 않았어요', en: 'No-show' },
  rude: { ko: '불친절해요', en: 'Rude' },
  not_as_described: { ko: '상품 상태가 설명과 달라요', en: 'Item not as described' },
  haggled: { ko: '거래 직전에 가격을 깎았어요', en: 'Haggled at the last minute' },
  slow_reply: { ko: '답장이 너무 느려요', en: 'Very slow to reply' },
} as const;

export type GoodManner = keyof typeof GOOD_MANNERS;
export type BadManner = keyof typeof BAD_MANNERS;
export type Manner = GoodManner | BadManner;

export const GOOD_MANNER_CODES = Object.keys(GOOD_MANNERS) as [GoodManner, ...GoodManner[]];
export const BAD_MANNER_CODES = Object.keys(BAD_MANNERS) as [BadManner, ...BadManner[]];

export function isGoodManner(code: string): code is GoodManner {
  return Object.hasOwn(GOOD_MANNERS, code);
}

/** The manner's words in the language asked for. */
export function mannerLabel(code: Manner, locale: 'ko' | 'en' = 'en'): string {
  return (isGoodManner(code) ? GOOD_MANNERS[code] : BAD_MANNERS[code as BadManner])[locale];
}

/** Where every temperature starts, and its bounds. */
export const MANNER_TEMPERATURE = { start: 36.5, min: 0, max: 99 } as const;
