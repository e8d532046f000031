// Listing photos, stored by the SHA-256 of their bytes. An upload is checked by its bytes alone (its
// size, that they hash to the name it was sent under, that they are a JPEG, PNG or WebP of sensible
// pixel size) and is idempotent: the same photo sent again gets the same answer and changes nothing.
import { createHash } from 'node:crypto';
import { MEDIA_LIMITS } from '@dongne/shared';
import type { MediaInfo } from '../store/contract/media.js';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { readImageInfo } from './image-bytes.js';
import { ServiceError } from './service-error.js';
import type { Actor } from './session-service.js';

export type { MediaInfo };

const MAX_MB = MEDIA_LIMITS.uploadMaxBytes / (1024 * 1024);

/** Raised for a body over the upload limit, by the service and by the route that streams it in. */
export const mediaTooLarge = () => new ServiceError(413, 'media.too_large', `A photo can be at most ${MAX_MB} MB.`);

export function createMediaService(store: Store, clock: Clock) {
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
      // A concurrent upload of the same photo may win the insert; both answer with the same facts.
      await store.media.put({ ...media, bytes, uploaderId: actor.id, createdAt: clock.now() });
      return media;
    },

    /** What is known about a stored photo, without its bytes (for conditional requests). */
    async info(hash: string): Promise<MediaInfo> {
      const media = await store.media.info(hash);
      if (!media) throw notFound();
      return media;
    },

    async get(hash: string): Promise<{ type: MediaInfo['type']; bytes: Uint8Array }> {
      const media = await store.media.get(hash);
      if (!media) throw notFound();
      return media;
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;

const notFound = () => new ServiceError(404, 'media.not_found', 'There is no such photo on the server.');
