// Reports (신고) of a person or a listing, stored for moderation and counted per target.
export const REPORT_REASONS = {
  scam: { ko: '사기가 의심돼요', en: 'Looks like a scam' },
  prohibited_item: { ko: '판매 금지 물품이에요', en: 'Prohibited item' },
  abusive: { ko: '욕설이나 비하 발언을 해요', en: 'Abusive or offensive' },
  no_show: { ko: '거래 약속을 지키지 않아요', en: 'Did not keep the appointment' },
  spam: { ko: '광고나 도배를 해요', en: 'Spam or advertising' },
  other: { ko: '기타', en: 'Something else' },
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;
export const REPORT_REASON_CODES = Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]];
/** Who or what can be reported: a person, a listing, a board post or a comment on one. */
export const REPORT_TARGETS = ['actor', 'listing', 'post', 'comment'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_TEXT_MAX = 500;
export const REPORT_LIMITS = {
  /** Reports one account may send in 24 hours: enough for a bad day, not for flooding moderation. */
  perDay: 20,
} as const;
