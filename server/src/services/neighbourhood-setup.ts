// Brings the store's neighbourhoods to every dong in Korea on start: imports the dongs once, then
// retires the demo circles of earlier versions, moving whatever referred to them to the dong that
// contains each circle's centre, so a device synced before the upgrade keeps its place.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { neighbourhoodLabel } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import { dongNeighbourPairs } from './dong-neighbours.js';
import type { NeighbourPair } from '../store/contract/neighbourhoods.js';
import { dongId, readKoreaDongs, type KoreaDongs } from './korea-dongs.js';

/** The demo circles of earlier versions, each with the 7-digit code of the dong that contains its centre. */
export const LEGACY_NEIGHBOURHOODS_FILE = fileURLToPath(new URL('../../data/neighbourhoods.geojson', import.meta.url));

export interface LegacyPlace {
  id: string;
  /** The neighbourhood id of the dong that replaced it. */
  dongId: string;
  lat: number;
  lng: number;
}

let legacyCache: LegacyPlace[] | undefined;

/** The retired demo ids and the dong each now means. */
export function legacyPlaces(): LegacyPlace[] {
  legacyCache ??= (
    JSON.parse(readFileSync(LEGACY_NEIGHBOURHOODS_FILE, 'utf8')) as {
      features: { properties: { id: string; dong: string }; geometry: { coordinates: [number, number] } }[];
    }
  ).features.map(({ properties, geometry }) => ({
    id: properties.id,
    dongId: dongId(properties.dong),
    lng: geometry.coordinates[0],
    lat: geometry.coordinates[1],
  }));
  return legacyCache;
}

/** The districts (5-digit codes) holding the dongs that replaced the demo circles: a town, for tests. */
export function legacyDistricts(): string[] {
  return [...new Set(legacyPlaces().map((p) => p.dongId.slice(3, 8)))];
}

const prepared = new Map<string, { dongs: KoreaDongs; pairs: NeighbourPair[] }>();

/**
 * A selection of districts is read and paired once per process: test files open many stores. All of
 * Korea is read when needed and not kept (a server imports it once, ever).
 */
function dongsWithPairs(districts: string[] | undefined) {
  const key = districts?.join(',');
  const found = key === undefined ? undefined : prepared.get(key);
  if (found) return found;
  const dongs = readKoreaDongs({ districts });
  const fresh = { dongs, pairs: dongNeighbourPairs(dongs) };
  if (key !== undefined) prepared.set(key, fresh);
  return fresh;
}

export interface NeighbourhoodSetup {
  /** Dongs imported by this call (0 when they already were). */
  imported: number;
  /** Neighbour-set entries written with them. */
  neighbourPairs: number;
  /** Demo circles retired by this call, their rows moved to their dongs. */
  retired: number;
  /** Listings moved with them. */
  listingsMoved: number;
}

/**
 * Idempotent, and cheap once done (a few reads). `districts` limits the import to the dongs of those
 * districts (5-digit code prefixes): tests use the few around the demo, not the 3,504.
 */
export async function ensureNeighbourhoods(store: Store, { districts }: { districts?: string[] } = {}): Promise<NeighbourhoodSetup> {
  const setup: NeighbourhoodSetup = { imported: 0, neighbourPairs: 0, retired: 0, listingsMoved: 0 };
  const legacy = legacyPlaces();
  // The dong of the first demo place stands for the whole import: it is one transaction.
  const marker = await store.neighbourhoods.byId(legacy[0].dongId);
  if (!marker || marker.id !== legacy[0].dongId) {
    const { dongs, pairs } = dongsWithPairs(districts);
    await store.transaction(async (tx) => {
      for (const row of dongs.rows) await tx.neighbourhoods.upsert(row);
      // Neighbour sets are replaced whole: the demo circles' go too, and they are retired below.
      await tx.neighbourhoods.replaceNeighbours(pairs);
    });
    setup.imported = dongs.rows.length;
    setup.neighbourPairs = pairs.length;
  }

  // Read first, then write once: a start after the upgrade only reads.
  const waiting: { place: LegacyPlace; circle: boolean }[] = [];
  for (const place of legacy) {
    const now = await store.neighbourhoods.byId(place.id);
    if (!now) waiting.push({ place, circle: false });
    else if (now.id === place.id) waiting.push({ place, circle: true });
  }
  if (waiting.length === 0) return setup;
  await store.transaction(async (tx) => {
    for (const { place, circle } of waiting) {
      const dong = await tx.neighbourhoods.byId(place.dongId);
      if (!dong) throw new Error(`The dong ${place.dongId} that replaces ${place.id} was not imported`);
      if (!circle) {
        // A fresh database never had the circle; a device that was set up elsewhere might hold its id.
        await tx.neighbourhoods.addAlias(place.id, dong.id);
        continue;
      }
      // Each moved listing takes a new change number, so every device pulls it again, in its dong.
      for (const listingId of await tx.listings.idsIn(place.id)) {
        await tx.listings.moveTo(listingId, dong.id, neighbourhoodLabel(dong), await tx.sync.nextChangeSeq());
        setup.listingsMoved++;
      }
      await tx.neighbourhoods.retire(place.id, dong.id);
      setup.retired++;
    }
  });
  return setup;
}

/** The dongs of the districts around the demo places, with the demo ids as aliases: what tests run on. */
export async function ensureDemoNeighbourhoods(store: Store): Promise<number> {
  return (await ensureNeighbourhoods(store, { districts: legacyDistricts() })).imported;
}
