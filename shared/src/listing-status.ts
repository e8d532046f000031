// A listing's lifecycle: selling → reserved → sold, and back. The one list the listing schema, the
// set-status mutation and the screens share.
export const LISTING_STATUSES = ['selling', 'reserved', 'sold'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
