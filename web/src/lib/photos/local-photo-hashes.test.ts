// The live set of photos this device holds, shared by every Photo on screen.
import { describe, expect, it } from 'vitest';
import type { DongneDb } from '../db/db.js';
import { useFreshDb } from '../db/test-db.js';
import { localPhotoHashes } from './local-photo-hashes.js';
import { addPhotos } from './local-photos.js';
import { fakePrepare, pickedPhoto } from './test-photos.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

describe('the photos held on this device', () => {
  it('says nothing until the replica answers, then follows photos added and let go', async () => {
    const held = localPhotoHashes(db);
    const seen: (ReadonlySet<string> | undefined)[] = [];
    const stop = held.subscribe((hashes) => seen.push(hashes));
    expect(seen).toEqual([undefined]);
    await expect.poll(() => seen.at(-1)).toEqual(new Set());

    const { added } = await addPhotos(db, [pickedPhoto(0)], 0, fakePrepare);
    const [{ full, thumb }] = added;
    await expect.poll(() => seen.at(-1)).toEqual(new Set([full, thumb]));

    await db.photos.delete(full);
    await expect.poll(() => seen.at(-1)).toEqual(new Set([thumb]));
    stop();
  });

  it('forgets what it knew when nobody watches, so the next to watch waits for a fresh answer', async () => {
    const held = localPhotoHashes(db);
    let last: ReadonlySet<string> | undefined;
    const stop = held.subscribe((hashes) => (last = hashes));
    await expect.poll(() => last).toEqual(new Set());
    stop();

    const { added } = await addPhotos(db, [pickedPhoto(1)], 0, fakePrepare);
    const again: (ReadonlySet<string> | undefined)[] = [];
    const stopAgain = held.subscribe((hashes) => again.push(hashes));
    expect(again).toEqual([undefined]);
    await expect.poll(() => again.at(-1)).toEqual(new Set([added[0].full, added[0].thumb]));
    stopAgain();
  });
});
