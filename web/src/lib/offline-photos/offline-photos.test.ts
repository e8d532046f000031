import { describe, expect, it } from 'vitest';
import type { DongneDb } from '../db/db.js';
import { setMeta } from '../db/meta.js';
import { serverListing, useFreshDb } from '../db/test-db.js';
import { wantedThumbnails } from './offline-photos.js';

const SUNAE = 'kr-bundang-sunae';
const PANGYO = 'kr-bundang-pangyo';
const MANGWON = 'kr-mapo-mangwon';
const hash = (c: string) => c.repeat(64);
const withCover = (thumb: string, bumpedAt: number, neighbourhoodId = SUNAE) =>
  serverListing({ neighbourhoodId, bumpedAt, createdAt: bumpedAt, photos: [{ full: hash('f'), thumb: hash(thumb) }, { full: hash('e'), thumb: hash('9') }] });

describe('the thumbnails kept for offline use', () => {
  let db: DongneDb;
  useFreshDb((fresh) => (db = fresh));

  it('are the cover thumbnails of the area’s listings, newest first; not the device’s own photos, nor other places’', async () => {
    await db.neighbourhoods.put({ id: SUNAE, nameEn: 'Sunae', nameKo: null, country: 'KR', lat: 37.4, lng: 127.1, neighbours: { 2: [SUNAE, PANGYO] } });
    await setMeta(db, 'defaultScope', { neighbourhoodId: SUNAE, range: 2 });
    await db.listings.bulkPut([
      withCover('a', 100),
      withCover('b', 300, PANGYO),
      withCover('c', 200),
      withCover('d', 400, MANGWON),
      withCover('o', 500),
      serverListing({ bumpedAt: 600 }),
    ]);
    // The person's own photo: the device holds its bytes already.
    await db.photos.put({ hash: hash('o'), blob: new Blob(['x']), type: 'image/webp', width: 1, height: 1, uploaded: 1, ownerId: '', createdAt: 1 });
    expect(await wantedThumbnails(db)).toEqual([
      { url: `/api/media/${hash('b')}`, at: 300 },
      { url: `/api/media/${hash('c')}`, at: 200 },
      { url: `/api/media/${hash('a')}`, at: 100 },
    ]);
  });
});
