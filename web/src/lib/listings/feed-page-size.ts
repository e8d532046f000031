// How many listings the feed reads at a time: its first page, and each step of its infinite scroll.
export const FEED_PAGE = 30;
