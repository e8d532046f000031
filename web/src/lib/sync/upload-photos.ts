// Sends the signed-in person's photos that the server does not have yet. Part of every sync cycle,
// before the push, so a listing never reaches the server ahead of its photos.
import { ApiRefusal } from '../api/api-client.js';
import { currentOwner, getMeta, setMeta } from '../db/meta.js';
import { syncApi, toSyncError, type SyncDeps } from './sync-deps.js';

/**
 * Uploads each waiting photo and marks it uploaded. Returns quietly if nobody is signed in or the
 * session has expired: the photos wait on the device. Returns how many were uploaded.
 */
export async function uploadPendingPhotos(deps: SyncDeps): Promise<number> {
  const { db } = deps;
  const api = syncApi(deps);
  const owner = await currentOwner(db);
  if (!owner || (await getMeta(db, 'sessionExpired'))) return 0;
  // Keys only: the Blobs are read one at a time, so ten photos are never all in memory at once.
  const waiting = await db.photos.where('[ownerId+uploaded]').equals([owner, 0]).primaryKeys();
  let uploaded = 0;
  for (const hash of waiting) {
    const photo = await db.photos.get(hash);
    // Uploaded or removed meanwhile (another tab, or a sign-out).
    if (!photo || photo.uploaded || photo.ownerId !== owner) continue;
    let response: Response;
    try {
      response = await api.send(`/api/media/${hash}`, { method: 'PUT', headers: { 'content-type': photo.type }, body: photo.blob });
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw toSyncError(error);
      if (error.code === 'auth.required') {
        // Signed out meanwhile, the cookie went with it: that is no expired session.
        if ((await currentOwner(db)) === owner) await setMeta(db, 'sessionExpired', true);
        return uploaded;
      }
      // The server will never take these bytes (too big, not an image): retrying would block every
      // later sync. Let it go; the listing that names it is refused with media.missing and comes
      // back as a draft saying so, where the photo shows as missing and can be removed.
      if (error.code.startsWith('media.') && error.status >= 400 && error.status < 500 && error.status !== 429) {
        await db.transaction('rw', [db.photos, db.meta], async () => {
          await db.photos.delete(hash);
          await setMeta(db, 'photoRefusals', { ...((await getMeta(db, 'photoRefusals')) ?? {}), [hash]: error.message });
        });
        continue;
      }
      throw toSyncError(error);
    }
    // The upload is idempotent, so the body is not needed: a 200 means the server has these bytes.
    await response.body?.cancel();
    await db.photos.update(hash, { uploaded: 1 });
    uploaded++;
  }
  return uploaded;
}
