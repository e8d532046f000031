// The feed's first page, read as soon as the route is known, before the screens mount: its reads
// then wait on IndexedDB while the app draws its frame, not after it. The page shows these rows
// until its live query (which keeps them up to date) first answers.
import { db } from '$lib/db/db';
import { feedPage } from '$lib/db/queries';
import { FEED_PAGE } from '$lib/listings/feed-page-size';
import type { PageLoad } from './$types';

export const load: PageLoad = () => ({
  // Not awaited: the screens mount meanwhile. A failed read leaves the live query to answer.
  firstPage: feedPage(db, FEED_PAGE).catch(() => undefined),
});
