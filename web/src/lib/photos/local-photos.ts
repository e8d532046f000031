// Photos added to a listing on this device: resized, then kept as Blobs in the replica, so a draft
// shows them offline and the sync engine uploads them when it can.
import { MEDIA_LIMITS, type ListingPhoto } from '@dongne/shared';
import type { DongneDb, LocalPhoto } from '../db/db.js';
import { currentOwner } from '../db/meta.js';
import { m } from '../paraglide/messages.js';
import { PhotoError, preparePhoto, type PreparedImage } from './prepare-photo.js';

export interface AddedPhotos {
  /** In the order picked, ready to append to the listing's photos. */
  added: ListingPhoto[];
  /** One sentence per file that was not added, in the person's language. */
  errors: string[];
}

/**
 * Resizes and stores the picked files, up to the listing's photo limit. A file that is refused does
 * not use up a place, so the next one can take it.
 */
export async function addPhotos(
  db: DongneDb,
  files: Iterable<File | Blob>,
  alreadyCount: number,
  prepare = preparePhoto,
): Promise<AddedPhotos> {
  const room = Math.max(0, MEDIA_LIMITS.photosPerListing - alreadyCount);
  const added: ListingPhoto[] = [];
  const errors: string[] = [];
  const images: PreparedImage[] = [];
  let overLimit = 0;
  // One at a time: ten camera photos decoded at once would run a phone out of memory.
  for (const file of files) {
    if (added.length >= room) {
      overLimit++;
      continue;
    }
    try {
      const { full, thumb } = await prepare(file);
      // The same photo picked twice in one go.
      if (added.some((photo) => photo.full === full.hash)) continue;
      added.push({ full: full.hash, thumb: thumb.hash });
      images.push(full, thumb);
    } catch (error) {
      if (!(error instanceof PhotoError)) throw error;
      errors.push(error.message);
    }
  }
  if (overLimit > 0) {
    errors.push(m.editor_photos_over_limit({ count: overLimit, limit: MEDIA_LIMITS.photosPerListing }));
  }
  if (images.length > 0) await storeImages(db, images);
  return { added, errors };
}

async function storeImages(db: DongneDb, images: PreparedImage[]): Promise<void> {
  await db.transaction('rw', [db.photos, db.meta], async () => {
    const ownerId = await currentOwner(db);
    const hashes = images.map((image) => image.hash);
    // Bytes the server already holds (the same photo on an earlier listing) need no second upload.
    const known = await db.photos.bulkGet(hashes);
    const createdAt = Date.now();
    const rows = images.map(
      ({ hash, blob, type, width, height }, i): LocalPhoto => ({ hash, blob, type, width, height, uploaded: known[i]?.uploaded ?? 0, ownerId, createdAt }),
    );
    await db.photos.bulkPut(rows);
  });
}
