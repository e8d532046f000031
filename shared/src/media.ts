// Photos: resized in the browser, kept as Blobs on the device, stored on the server by the SHA-256
// of their bytes, so an upload is idempotent and a listing names its photos by hash.
import { z } from 'zod/mini';
import { MEDIA_LIMITS } from './media-limits.js';

export const sha256HexSchema = z.string('A photo is named by its SHA-256').check(
  z.regex(/^[0-9a-f]{64}$/, 'A photo is named by the 64 hex digits of its SHA-256'),
);

/** A listing photo: the resized image and its feed thumbnail, each by hash. */
export const listingPhotoSchema = z.object({ full: sha256HexSchema, thumb: sha256HexSchema });
export type ListingPhoto = z.infer<typeof listingPhotoSchema>;

export const listingPhotosSchema = z.array(listingPhotoSchema).check(
  z.maxLength(MEDIA_LIMITS.photosPerListing, `A listing can have at most ${MEDIA_LIMITS.photosPerListing} photos`),
);

