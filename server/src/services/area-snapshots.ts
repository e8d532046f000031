// A visitor's first pull of an area (cursor 0, no session) is the same for everyone who asks it, so
// it is built once per change in the area and kept as gzipped bytes. Each request first asks the
// database for the area's latest change number — not an in-process event: instances sharing one
// PostgreSQL database each keep their own snapshots, and a change made through any of them counts.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PullResponse, RangeLevel } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';

export interface Area {
  neighbourhoodId: string;
  range: RangeLevel;
}

export interface AreaSnapshot {
  /** The pull response as JSON, gzipped. */
  gzip: Uint8Array<ArrayBuffer>;
  /** Equal tags, equal responses: what If-None-Match is checked against. */
  etag: string;
}

/** What an area is at one moment: its places, and the latest change number among them. */
interface AreaState {
  places: string;
  version: number;
}

type Held = AreaSnapshot & AreaState & { bytes: number };

/** Built once per change and sent many times: worth zlib's default effort over the API's level 3. */
const GZIP_LEVEL = 6;
/** ~700 areas of 480 listings (~46 KB each, gzipped); the least recently asked go first. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export function createAreaSnapshots(
  store: Store,
  /** The live pull from cursor 0 for a visitor: what a snapshot must equal. */
  livePull: (area: Area, limit: number) => Promise<PullResponse>,
  { maxBytes = DEFAULT_MAX_BYTES }: { maxBytes?: number } = {},
) {
  /** In least recently used order: a Map iterates in insertion order, and a hit is put back last. */
  const held = new Map<string, Held>();
  let heldBytes = 0;
  const building = new Map<string, Promise<Held>>();

  async function stateOf(area: Area): Promise<AreaState> {
    const places = await store.neighbourhoods.neighbourIds(area.neighbourhoodId, area.range);
    // Listings, board posts and their comments, businesses with their posts and reviews, and the ads for the neighbourhood are what
    // a visitor pulls: a change to any moves it.
    const latest = [
      await store.listings.latestChangeIn(places),
      await store.boardPosts.latestChangeIn(places),
      await store.boardComments.latestChangeIn(places),
      await store.businesses.latestChangeIn(places),
      await store.businessPosts.latestChangeIn(places),
      await store.businessReviews.latestChangeIn(places),
      await store.campaigns.latestChangeIn(area.neighbourhoodId),
    ];
    return { places: places.join('\n'), version: Math.max(...latest) };
  }

  /** Serves for a request that found the area at `now`: as new as that, or newer. */
  const fits = (snapshot: Held | undefined, now: AreaState): snapshot is Held =>
    snapshot !== undefined && snapshot.places === now.places && snapshot.version >= now.version;

  async function build(key: string, area: Area, limit: number): Promise<Held> {
    const before = await stateOf(area);
    const page = await livePull(area, limit);
    const after = await stateOf(area);
    const json = JSON.stringify(page);
    const gzip = gzipSync(json, { level: GZIP_LEVEL });
    // The page was read between the two looks, so it is at least as new as `before`: labelled
    // with that number it is never taken for newer than it is (a later change rebuilds it).
    const snapshot: Held = {
      gzip,
      etag: `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
      places: before.places,
      // Neighbour sets re-imported meanwhile: serve this once, keep nothing.
      version: before.places === after.places ? before.version : -1,
      bytes: gzip.length + key.length + before.places.length,
    };
    if (snapshot.version >= 0) keep(key, snapshot);
    return snapshot;
  }

  function keep(key: string, snapshot: Held) {
    const kept = held.get(key);
    // Two builds overlapped and the older finished last: keep the newer.
    if (kept && kept.places === snapshot.places && kept.version > snapshot.version) return;
    forget(key);
    if (snapshot.bytes > maxBytes) return;
    held.set(key, snapshot);
    heldBytes += snapshot.bytes;
    for (const [oldest, entry] of held) {
      if (heldBytes <= maxBytes) break;
      held.delete(oldest);
      heldBytes -= entry.bytes;
    }
  }

  function forget(key: string) {
    const entry = held.get(key);
    if (!entry) return;
    held.delete(key);
    heldBytes -= entry.bytes;
  }

  return {
    /** The first page a visitor pulls in `area`, `limit` changes long, as of now or later. */
    async firstPage(area: Area, limit: number): Promise<AreaSnapshot> {
      const key = `${area.neighbourhoodId}\n${area.range}\n${limit}`;
      const now = await stateOf(area);
      const entry = held.get(key);
      if (fits(entry, now)) {
        held.delete(key);
        held.set(key, entry);
        return entry;
      }
      // One build per area at a time: the devices that arrive together after a change wait for it.
      let pending = building.get(key);
      if (!pending) {
        pending = build(key, area, limit).finally(() => building.delete(key));
        building.set(key, pending);
      }
      const built = await pending;
      if (fits(built, now)) return built;
      // That build began before the change this request saw: one begun now cannot miss it.
      return build(key, area, limit);
    },
    /** What is kept, for tests. */
    stats: () => ({ held: held.size, heldBytes }),
  };
}
export type AreaSnapshots = ReturnType<typeof createAreaSnapshots>;
