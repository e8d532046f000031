// Every machine code the server refuses with, in one list. The server's error classes take only these
// (a new code does not compile until it is added here), and the app has a message in each language
// for every one of them (web/messages/errors, checked by web/src/lib/i18n/refusal.test.ts).
export const ERROR_CODES = [
  // Any request
  'request.invalid',
  'request.malformed_json',
  'request.not_json',
  'request.too_large',
  'request.rejected',
  'csrf.cross_origin',
  'rate_limited',
  'not_found',
  'internal',

  // Accounts and sign-in
  'auth.required',
  'auth.nickname_taken',
  'auth.invalid_credentials',
  'passkey.challenge_expired',
  'passkey.not_verified',
  'passkey.unknown',
  'passkey.already_registered',
  'passkey.limit_reached',
  'passkey.invalid_key',
  'passkey.not_found',
  'auth.reauthentication_required',
  'auth.weak_password',
  'auth.wrong_password',
  'account.last_sign_in_method',
  'session.not_found',
  'recovery.invalid',

  // Sync
  'sync.seq_gap',
  'sync.client_not_yours',
  'mutation.unknown',
  'mutation.invalid_args',

  // Neighbourhoods and location checks
  'neighbourhood.unknown',
  'neighbourhood.none_nearby',
  'location.missing',
  'location.verification_required',
  'location.from_future',
  'location.stale',
  'location.before_account',
  'location.implausible_accuracy',
  'location.inaccurate',
  'location.replayed',
  'location.superseded',
  'location.impossible_travel',
  'location.too_far',

  // Listings and drafts
  'listing.not_found',
  'listing.not_owner',
  'listing.id_taken',
  'listing.daily_limit',
  'listing.bump_too_soon',
  'draft.not_owner',
  'draft.daily_limit',
  'draft.gone',
  'draft.invalid_update',
  'draft.too_large',

  // Listing photos
  'media.missing',
  'media.too_large',
  'media.hash_mismatch',
  'media.not_image',
  'media.too_big_dimensions',
  'media.quota_exceeded',
  'media.not_found',
  'media.storage_unavailable',

  // Profiles and their photos
  'profile.not_found',
  'photo.too_large',
  'photo.not_image',
  'photo.too_big_dimensions',
  'photo.not_found',

  // Chat, offers and appointments
  'chat.not_participant',
  'chat.not_buyer',
  'chat.not_seller',
  'chat.own_listing',
  'chat.no_conversation',
  'chat.blocked',
  'chat.daily_limit',
  'chat.conversation_daily_limit',
  'chat.id_taken',
  'chat.offers_closed',
  'chat.listing_not_selling',
  'chat.offer_not_pending',
  'chat.appointment_past',
  'chat.appointment_too_far',
  'chat.appointment_not_pending',
  'chat.appointment_own',

  // Trades and reviews
  'trade.not_seller',
  'trade.no_conversation',
  'trade.already_sold',
  'review.self',
  'review.no_trade',
  'review.blocked',
  'review.already',
  'review.id_taken',

  // Blocking and reporting
  'block.self',
  'block.unknown',
  'block.daily_limit',
  'report.unknown_target',
  'report.self',
  'report.daily_limit',
  'report.id_taken',

  // The neighbourhood board
  'board.post_not_found',
  'board.comment_not_found',
  'board.not_author',
  'board.id_taken',
  'board.daily_limit',
  'board.comment_daily_limit',
  'board.out_of_area',
  'board.blocked',
  'board.under_review',
  'board.reply_to_reply',
  'board.parent_other_post',

  // Local businesses and their ads
  'business.id_taken',
  'business.limit',
  'business.not_found',
  'business.not_owner',
  'business.post_not_found',
  'business.post_id_taken',
  'business.post_daily_limit',
  'business.own_review',
  'campaign.id_taken',
  'campaign.not_found',

  // Keyword alerts and notifications
  'keyword.limit',

  // The live channel
  'live.websocket_required',
  'live.too_many',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes a location check (checkFix) answers with. */
export type LocationErrorCode = Extract<ErrorCode, `location.${string}`>;

/** Whether `code` is one the server refuses with (a stored or received code is only a string). */
export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
