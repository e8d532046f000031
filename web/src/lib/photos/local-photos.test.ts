// Adding photos to a listing on this device: the photo limit, refused files, and what is stored.
// Resizing needs a browser, so a stand-in preparer turns picked files into real PNGs.
import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { setMeta } from '../db/meta.js';
import { useFreshDb } from '../db/test-db.js';
import { addPhotos } from './local-photos.js';
import { localPhotoBlob } from '../db/queries.js';
import { PhotoError } from './prepare-photo.js';
import { fakePrepare, pickedNotPhoto, pickedPhoto } from './test-photos.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const picked = (count: number, from = 0) => Array.from({ length: count }, (_, i) => pickedPhoto(from + i));

describe('adding photos', () => {
  it('stores each photo and its thumbnail on the device, waiting to upload, as the signed-in person’s', async () => {
    await setMeta(db, 'actorId', 'minji');
    const { added, errors } = await addPhotos(db, picked(2), 0, fakePrepare);
    expect(errors).toEqual([]);
    expect(added).toHaveLength(2);
    const expected = [await fakePrepare(pickedPhoto(0)), await fakePrepare(pickedPhoto(1))];
    expect(added).toEqual(expected.map(({ full, thumb }) => ({ full: full.hash, thumb: thumb.hash })));

    const rows = await db.photos.toArray();
    expect(rows).toHaveLength(4);
    for (const image of expected.flatMap(({ full, thumb }) => [full, thumb])) {
      const row = await db.photos.get(image.hash);
      expect(row).toMatchObject({ type: 'image/png', width: image.width, height: image.height, uploaded: 0, ownerId: 'minji' });
      expect(row!.createdAt).toBeTypeOf('number');
      expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(new Uint8Array(await image.blob.arrayBuffer()));
    }
    expect(await localPhotoBlob(db, added[0].thumb)).toBeInstanceOf(Blob);
    expect(await localPhotoBlob(db, 'f'.repeat(64))).toBeUndefined();
  });

  it('keeps photos added while signed out as nobody’s', async () => {
    const { added } = await addPhotos(db, picked(1), 0, fakePrepare);
    expect(await db.photos.get(added[0].full)).toMatchObject({ ownerId: '', uploaded: 0 });
  });

  it(`adds at most ${MEDIA_LIMITS.photosPerListing} photos a listing and says how many were left out`, async () => {
    const { added, errors } = await addPhotos(db, picked(12), 0, fakePrepare);
    expect(added).toHaveLength(10);
    expect(errors).toEqual(['A listing can have at most 10 photos; 2 were not added.']);
    expect(await db.photos.count()).toBe(20);
  });

  it('counts the photos the listing already has', async () => {
    const { added, errors } = await addPhotos(db, picked(3), 8, fakePrepare);
    const firstTwo = [(await fakePrepare(pickedPhoto(0))).full.hash, (await fakePrepare(pickedPhoto(1))).full.hash];
    expect(added.map((photo) => photo.full)).toEqual(firstTwo);
    expect(errors).toEqual(['A listing can have at most 10 photos; 1 was not added.']);

    const full = await addPhotos(db, picked(1, 5), 10, fakePrepare);
    expect(full).toEqual({ added: [], errors: ['A listing can have at most 10 photos; 1 was not added.'] });
  });

  it('says why a file was refused, adds the others, and lets them take its place under the limit', async () => {
    const files = [pickedPhoto(0), pickedNotPhoto('notes.jpg'), pickedPhoto(1)];
    const { added, errors } = await addPhotos(db, files, 8, fakePrepare);
    expect(added).toHaveLength(2);
    expect(errors).toEqual(['“notes.jpg” is not a photo Dongne can read.']);
    expect(await db.photos.count()).toBe(4);
  });

  it('stores nothing when every file is refused', async () => {
    const refuse = async (): Promise<never> => {
      throw new PhotoError('photo.too_large', '“holiday.jpg” is 20.0 MB. Photos up to 15 MB can be added.');
    };
    expect(await addPhotos(db, [pickedPhoto(0)], 0, refuse)).toEqual({
      added: [],
      errors: ['“holiday.jpg” is 20.0 MB. Photos up to 15 MB can be added.'],
    });
    expect(await db.photos.count()).toBe(0);
  });

  it('adds a photo picked twice in one go once', async () => {
    const { added, errors } = await addPhotos(db, [pickedPhoto(3), pickedPhoto(3, 'copy.jpg')], 0, fakePrepare);
    expect(added).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('does not upload again a photo the server already has', async () => {
    await setMeta(db, 'actorId', 'minji');
    const [first] = (await addPhotos(db, picked(1), 0, fakePrepare)).added;
    await db.photos.update(first.full, { uploaded: 1 });
    // The same picture added to another listing.
    const [again] = (await addPhotos(db, picked(1), 0, fakePrepare)).added;
    expect(again).toEqual(first);
    expect((await db.photos.get(first.full))?.uploaded).toBe(1);
    expect((await db.photos.get(first.thumb))?.uploaded).toBe(0);
  });

  it('lets a programming error through rather than reporting it as a bad file', async () => {
    const broken = async (): Promise<never> => {
      throw new TypeError('boom');
    };
    await expect(addPhotos(db, [pickedPhoto(0)], 0, broken)).rejects.toThrow('boom');
  });
});
