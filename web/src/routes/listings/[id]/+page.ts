// Asked as soon as the route is known, while the screen's code loads: on a first visit the
// listing's own answer arrives long before the first sync would have brought it.
import { db } from '$lib/db/db';
import { unsyncedListing } from '$lib/listings/unsynced-listing';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => ({
  // Not awaited: the screen mounts meanwhile and shows "Opening…" until one of the two answers.
  unsynced: unsyncedListing(db, params.id).catch(() => undefined),
});
