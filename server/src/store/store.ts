// The store: every table's prepared statements behind one object that services take as a dependency.
import { openDatabase, type Db } from './database.js';
import { createActorNeighbourhoodsStore } from './actor-neighbourhoods-store.js';
import { createActorsStore } from './actors-store.js';
import { createCreationCountsStore } from './creation-counts-store.js';
import { createDraftsStore } from './drafts-store.js';
import { createListingsStore } from './listings-store.js';
import { createMediaStore } from './media-store.js';
import { createNeighbourhoodsStore } from './neighbourhoods-store.js';
import { createPasskeysStore } from './passkeys-store.js';
import { createProfilesStore } from './profiles-store.js';
import { createRateLimitsStore } from './rate-limits-store.js';
import { createSessionsStore } from './sessions-store.js';
import { createSyncStore } from './sync-store.js';
import { createVerificationsStore } from './verifications-store.js';

export function createStore(db: Db) {
  // Built once: better-sqlite3 prepares the BEGIN/SAVEPOINT statements per wrapper, and pushes
  // open one savepoint per mutation.
  const atomically = db.transaction((fn: () => unknown) => fn());
  return {
    db,
    /** Runs fn atomically; nested calls become savepoints, so an inner failure rolls back only itself. */
    transaction<T>(fn: () => T): T {
      return atomically(fn) as T;
    },
    /** Like transaction, but takes the write lock at BEGIN, so reads inside it cannot go stale. */
    writeTransaction<T>(fn: () => T): T {
      return atomically.immediate(fn) as T;
    },
    actors: createActorsStore(db),
    listings: createListingsStore(db),
    drafts: createDraftsStore(db),
    creationCounts: createCreationCountsStore(db),
    neighbourhoods: createNeighbourhoodsStore(db),
    sync: createSyncStore(db),
    verifications: createVerificationsStore(db),
    actorNeighbourhoods: createActorNeighbourhoodsStore(db),
    rateLimits: createRateLimitsStore(db),
    sessions: createSessionsStore(db),
    passkeys: createPasskeysStore(db),
    profiles: createProfilesStore(db),
    media: createMediaStore(db),
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof createStore>;

export function openStore(file: string): Store {
  return createStore(openDatabase(file));
}
