// Uploading photos against the real server (built in memory, reached through app.request()), from
// simulated devices that sign in through the auth client.
import { describe, expect, it } from 'vitest';
import { mediaPath, type ListingPhoto } from '@dongne/shared';
import { createDraft, publishDraft } from '../db/drafts.js';
import { getMeta, setMeta } from '../db/meta.js';
import { addPhotos } from '../photos/local-photos.js';
import { sha256Hex } from '../photos/prepare-photo.js';
import { fakePrepare, pickedPhoto } from '../photos/test-photos.js';
import { SyncError } from './sync-deps.js';
import { push } from './push.js';
import { useTestServer, type Device, type TestServer } from './test-device.js';
import { uploadPendingPhotos } from './upload-photos.js';

let server: TestServer;
const device = useTestServer((fresh) => (server = fresh));

async function addPhoto(d: Device, n = 0): Promise<ListingPhoto> {
  const { added, errors } = await addPhotos(d.db, [pickedPhoto(n)], 0, fakePrepare);
  expect(errors).toEqual([]);
  return added[0];
}

const uploads = (d: Device) => d.requests.filter((r) => r.startsWith('PUT /api/media/'));
const hashesOf = (photo: ListingPhoto) => [photo.full, photo.thumb];
const uploadedFlags = async (d: Device, photo: ListingPhoto) => (await d.db.photos.bulkGet(hashesOf(photo))).map((row) => row?.uploaded);

/** The bytes the server serves for a hash, or its status when it has none. */
async function onServer(hash: string): Promise<Uint8Array | number> {
  const response = await server.app.request(mediaPath(hash));
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : response.status;
}

async function syncFailure(attempt: Promise<unknown>): Promise<SyncError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SyncError)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

describe('uploading photos', () => {
  it('sends each waiting photo and thumbnail, and marks it uploaded', async () => {
    const phone = device('phone');
    await phone.signUp();
    const photo = await addPhoto(phone);

    expect(await uploadPendingPhotos(phone.deps)).toBe(2);
    expect(await uploadedFlags(phone, photo)).toEqual([1, 1]);
    for (const hash of hashesOf(photo)) {
      const local = new Uint8Array(await (await phone.db.photos.get(hash))!.blob.arrayBuffer());
      expect(await onServer(hash)).toEqual(local);
    }
    expect(uploads(phone).sort()).toEqual(hashesOf(photo).map((h) => `PUT /api/media/${h}`).sort());
  });

  it('sends nothing the second time', async () => {
    const phone = device('phone');
    await phone.signUp();
    await addPhoto(phone);
    await uploadPendingPhotos(phone.deps);
    const sent = uploads(phone).length;

    expect(await uploadPendingPhotos(phone.deps)).toBe(0);
    expect(uploads(phone)).toHaveLength(sent);
  });

  it('sends nothing while signed out', async () => {
    const phone = device('phone');
    await phone.signUp();
    await phone.signOut();
    const photo = await addPhoto(phone);

    expect(await uploadPendingPhotos(phone.deps)).toBe(0);
    expect(uploads(phone)).toEqual([]);
    expect(await uploadedFlags(phone, photo)).toEqual([0, 0]);
  });

  it('waits while the session has expired, without trying', async () => {
    const phone = device('phone');
    await phone.signUp();
    const photo = await addPhoto(phone);
    await setMeta(phone.db, 'sessionExpired', true);

    expect(await uploadPendingPhotos(phone.deps)).toBe(0);
    expect(uploads(phone)).toEqual([]);
    expect(await uploadedFlags(phone, photo)).toEqual([0, 0]);
  });

  it('notices the server has ended the session, and keeps the photos', async () => {
    const phone = device('phone');
    await phone.signUp();
    const photo = await addPhoto(phone);
    // The cookie the server knew is gone, as when the session ended while the app was closed.
    phone.cookies.clear();

    expect(await uploadPendingPhotos(phone.deps)).toBe(0);
    expect(await getMeta(phone.db, 'sessionExpired')).toBe(true);
    expect(uploads(phone)).toHaveLength(1);
    expect(await uploadedFlags(phone, photo)).toEqual([0, 0]);
  });

  it('fails as offline with no connection, marks nothing, and sends everything next time', async () => {
    const phone = device('phone');
    await phone.signUp();
    const photo = await addPhoto(phone);
    const [first] = await phone.db.photos.where('[ownerId+uploaded]').equals([(await getMeta(phone.db, 'actorId'))!, 0]).primaryKeys();
    phone.failOn('PUT', mediaPath(first), 'request-lost');

    const error = await syncFailure(uploadPendingPhotos(phone.deps));
    expect(error.kind).toBe('offline');
    expect(await uploadedFlags(phone, photo)).toEqual([0, 0]);
    expect(await onServer(first)).toBe(404);

    expect(await uploadPendingPhotos(phone.deps)).toBe(2);
    expect(await uploadedFlags(phone, photo)).toEqual([1, 1]);
  });

  it('sends a photo again whose answer was lost, and the server takes it again', async () => {
    const phone = device('phone');
    await phone.signUp();
    const photo = await addPhoto(phone);
    phone.failOn('PUT', mediaPath(photo.full), 'response-lost');

    expect((await syncFailure(uploadPendingPhotos(phone.deps))).kind).toBe('offline');
    expect((await phone.db.photos.get(photo.full))?.uploaded).toBe(0);
    expect(await onServer(photo.full)).toBeInstanceOf(Uint8Array);

    await uploadPendingPhotos(phone.deps);
    expect(await uploadedFlags(phone, photo)).toEqual([1, 1]);
  });

  it('lets go of a photo the server will never take, and still uploads the rest', async () => {
    const phone = device('phone');
    await phone.signUp();
    const blob = new Blob(['no image at all'], { type: 'image/jpeg' });
    const hash = await sha256Hex(blob);
    const ownerId = (await getMeta(phone.db, 'actorId'))!;
    await phone.db.photos.put({ hash, blob, type: 'image/jpeg', width: 1, height: 1, uploaded: 0, ownerId, createdAt: 0 });
    const good = await addPhoto(phone, 0);

    // A refused photo must not block every later sync; the listing naming it is refused instead.
    expect(await uploadPendingPhotos(phone.deps)).toBe(2);
    expect(await phone.db.photos.get(hash)).toBeUndefined();
    expect(await onServer(hash)).toBe(404);
    expect(await uploadedFlags(phone, good)).toEqual([1, 1]);
  });

  it('uploads only the signed-in person’s photos', async () => {
    const phone = device('phone');
    await phone.signUp();
    const mine = await addPhoto(phone, 0);
    await phone.db.photos.where('hash').anyOf(hashesOf(mine)).modify({ ownerId: 'someone-else' });
    const also = await addPhoto(phone, 1);

    expect(await uploadPendingPhotos(phone.deps)).toBe(2);
    expect(await uploadedFlags(phone, mine)).toEqual([0, 0]);
    expect(await uploadedFlags(phone, also)).toEqual([1, 1]);
  });
});

describe('a sync cycle', () => {
  it('uploads photos before it pushes the changes that may name them', async () => {
    const phone = device('phone');
    await phone.signUp();
    const photo = await addPhoto(phone);
    const draft = await createDraft(phone.db, { title: 'Folding bike', price: '85,000', category: 'sports' });
    const place = 'kr-bundang-pangyo';
    expect(await publishDraft(phone.db, draft.id, { neighbourhoodId: place, fix: server.fixAt(place) })).toMatchObject({ ok: true });
    expect(await phone.sync()).toMatchObject({ pushed: 1 });

    expect(await uploadedFlags(phone, photo)).toEqual([1, 1]);
    const order = phone.requests.map((r) => r.split(' ')[1].split('?')[0]);
    expect(order.lastIndexOf(mediaPath(photo.full))).toBeLessThan(order.indexOf('/api/sync/push'));
  });

  it('holds back a listing whose photo is not uploaded yet, even when the push runs on its own', async () => {
    const phone = device('phone');
    await phone.signUp();
    const photo = await addPhoto(phone);
    const draft = await createDraft(phone.db, { title: 'Lamp with photo', price: '9000', category: 'household', photos: [photo] });
    const place = 'kr-bundang-pangyo';
    expect(await publishDraft(phone.db, draft.id, { neighbourhoodId: place, fix: server.fixAt(place) })).toMatchObject({ ok: true });

    // As when the photo was added after this cycle's upload step had run.
    expect(await push(phone.deps)).toBe(0);
    expect(phone.requests.some((r) => r.startsWith('POST /api/sync/push'))).toBe(false);
    expect(await phone.db.outbox.count()).toBe(1);

    expect(await phone.sync()).toMatchObject({ pushed: 1 });
    expect(server.store.sqlite.listings.byId(draft.id)?.photos).toEqual([photo]);
  });

  it('brings back a listing whose photo the server refused as a draft that says why', async () => {
    const phone = device('phone');
    await phone.signUp();
    const blob = new Blob(['no image at all'], { type: 'image/jpeg' });
    const hash = await sha256Hex(blob);
    const ownerId = (await getMeta(phone.db, 'actorId'))!;
    await phone.db.photos.put({ hash, blob, type: 'image/jpeg', width: 1, height: 1, uploaded: 0, ownerId, createdAt: 0 });
    const draft = await createDraft(phone.db, { title: 'Chair', price: '5000', category: 'furniture', photos: [{ full: hash, thumb: hash }] });
    const place = 'kr-bundang-pangyo';
    expect(await publishDraft(phone.db, draft.id, { neighbourhoodId: place, fix: server.fixAt(place) })).toMatchObject({ ok: true });

    await phone.sync();
    expect(await phone.db.drafts.get(draft.id)).toMatchObject({
      publishing: false,
      rejection: {
        code: 'media.missing',
        message: 'A photo could not be uploaded: That file is not a photo Dongne can use (JPEG, PNG or WebP). Remove it, then publish again.',
      },
    });
    expect(server.store.sqlite.listings.byId(draft.id)).toBeUndefined();
  });
});
