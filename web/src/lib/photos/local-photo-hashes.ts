// Which photos this device holds its own copy of (those added here, until the upload lets them go),
// as one live set every Photo on screen shares. A feed of cards asking the replica each for its own
// photo made a query per card, and a change observer per card that Dexie checked on every write the
// sync worker made: on a first sync, most of the page's main-thread time between the feed's frames.
import { liveQuery } from 'dexie';
import { readable, type Readable } from 'svelte/store';
import type { DongneDb } from '../db/db.js';

/**
 * The hashes of the photos held in `db`, live; undefined until the replica has answered, and an
 * empty set without a replica (private mode in some browsers), where every photo is the server's.
 */
export function localPhotoHashes(db: DongneDb): Readable<ReadonlySet<string> | undefined> {
  return readable<ReadonlySet<string> | undefined>(undefined, (set) => {
    const subscription = liveQuery(() => db.photos.toCollection().primaryKeys()).subscribe({
      next: (hashes) => set(new Set(hashes)),
      error: () => set(new Set()),
    });
    return () => {
      subscription.unsubscribe();
      // Unwatched, the set goes stale: whoever watches next waits for the replica's answer again.
      set(undefined);
    };
  });
}
