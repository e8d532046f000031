// Listing photos, stored by the SHA-256 of their bytes. An upload is checked by its bytes alone (its
// size, that they hash to the name it was sent under, that they are a JPEG, PNG or WebP of sensible
// pixel size) and is idempotent: the same photo sent again gets the same answer and changes nothing.
// The bytes go to the blob store, what is known about them to the store.
import { createHash } from 'node:crypto';
import { MEDIA_LIMITS } from '@dongne/shared';
import type { BlobStore } from '../blobs/blob-store.js';
import type { MediaInfo } from '../store/contract/media.js';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { readImageInfo } from './image-bytes.js';
import { ServiceError } from './service-error.js';
import type { Actor } from './session-service.js';

const MAX_MB = MEDIA_LIMITS.uploadMaxBytes / (1024 * 1024);

/** Raised for a body over the upload limit, by the service and by the route that streams it in. */
export const mediaTooLarge = () => new ServiceError(413, 'media.too_large', `A photo can be at most ${MAX_MB} MB.`);

/** A photo's key in the blob store: its hash, under a prefix that keeps a shared bucket legible. */
export const mediaBlobKey = (hash: string) => `media/${hash}`;

export function createMediaService(store: Store, clock: Clock, blobs: BlobStore, log: (line: string) => void) {
  /** A blob store call whose failure is logged for us and answered with a 503 the device retries. */
  async function withBlobs<T>(action: 'store' | 'read', hash: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      log(`[media] could not ${action} ${hash} in ${blobs.description}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw storageUnavailable(action);
    }
  }

  return {
    async upload(actor: Actor, hash: string, bytes: Uint8Array): Promise<MediaInfo> {
      if (bytes.length > MEDIA_LIMITS.uploadMaxBytes) throw mediaTooLarge();
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== hash) {
        throw new ServiceError(400, 'media.hash_mismatch', `The photo does not match its name: its bytes have the SHA-256 ${actual}.`);
      }
      // Same hash, same bytes: they were checked when first stored.
      const known = await store.media.info(hash);
      if (known) return known;
      const image = readImageInfo(bytes);
      if (!image) throw new ServiceError(415, 'media.not_image', 'That file is not a photo Dongne can use (JPEG, PNG or WebP).');
      const { maxDimension } = MEDIA_LIMITS;
      if (image.width > maxDimension || image.height > maxDimension) {
        throw new ServiceError(
          422,
          'media.too_big_dimensions',
          `A photo can be at most ${maxDimension} × ${maxDimension} pixels; this one is ${image.width} × ${image.height}.`,
        );
      }
      if ((await store.media.storedBy(actor.id)) + bytes.length > MEDIA_LIMITS.storedMaxBytesPerAccount) {
        throw new ServiceError(
          403,
          'media.quota_exceeded',
          `Your photos on Dongne have reached ${MEDIA_LIMITS.storedMaxBytesPerAccount / (1024 * 1024)} MB. Use photos you already added, or fewer new ones.`,
        );
      }
      const media: MediaInfo = { hash, ...image, size: bytes.length };
      // The bytes first, then the row that says they are there: a row never names bytes the blob
      // store lacks. A crash between the two leaves bytes that no row names, which is harmless: their
      // key is their hash, so the device's next try stores the very same bytes and then the row.
      await withBlobs('store', hash, () => blobs.put(mediaBlobKey(hash), bytes, image.type));
      // A concurrent upload of the same photo may win the insert; both answer with the same facts.
      await store.media.put({ ...media, uploaderId: actor.id, createdAt: clock.now() });
      return media;
    },

    /** What is known about a stored photo, without its bytes (for conditional requests). */
    async info(hash: string): Promise<MediaInfo> {
      const media = await store.media.info(hash);
      if (!media) throw notFound();
      return media;
    },

    /** The bytes of a photo `info` found. */
    async bytes(media: MediaInfo): Promise<Uint8Array> {
      const bytes = await withBlobs('read', media.hash, () => blobs.get(mediaBlobKey(media.hash)));
      if (bytes) return bytes;
      // Rows are written after their bytes, so the storage lost them or is not the one written to
      // (a wrong bucket, say): ours to fix, not the device's to forget.
      log(`[media] ${media.hash} is recorded but ${blobs.description} has no bytes for it`);
      throw storageUnavailable('read');
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;

const notFound = () => new ServiceError(404, 'media.not_found', 'There is no such photo on the server.');
// 503, not 4xx: a device keeps a photo the server could not store and sends it again at its next sync.
const storageUnavailable = (action: 'store' | 'read') =>
  new ServiceError(
    503,
    'media.storage_unavailable',
    action === 'store'
      ? 'Photos cannot be stored just now. Yours stays on this device and is sent again at the next sync.'
      : 'This photo cannot be shown just now. Try again in a moment.',
  );
