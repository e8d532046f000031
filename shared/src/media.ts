// Photos: resized in the browser, kept as Blobs on the device, stored on the server by the SHA-256
// of their bytes, so an upload is idempotent and a listing names its photos by hash.
import { z } from 'zod/mini';

export const MEDIA_LIMITS = {
  photosPerListing: 10,
  /** A picked file larger than this is refused before it is even decoded. */
  pickMaxBytes: 15 * 1024 * 1024,
  /** What the server accepts per upload; a resized photo is a few hundred kilobytes. */
  uploadMaxBytes: 3 * 1024 * 1024,
  /** Longest side of the photo after resizing in the browser, and of its thumbnail. */
  longestSide: 1280,
  thumbSide: 320,
  /** Pixels on each side the server will accept, read from the image header. */
  maxDimension: 4096,
  /** Photo bytes one account may store in all: some 2,000 listings' worth of resized photos. */
  storedMaxBytesPerAccount: 500 * 1024 * 1024,
} as const;

export const MEDIA_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const sha256HexSchema = z.string('A photo is named by its SHA-256').check(
  z.regex(/^[0-9a-f]{64}$/, 'A photo is named by the 64 hex digits of its SHA-256'),
);

/** A listing photo: the resized image and its feed thumbnail, each by hash. */
export const listingPhotoSchema = z.object({ full: sha256HexSchema, thumb: sha256HexSchema });
export type ListingPhoto = z.infer<typeof listingPhotoSchema>;

export const listingPhotosSchema = z.array(listingPhotoSchema).check(
  z.maxLength(MEDIA_LIMITS.photosPerListing, `A listing can have at most ${MEDIA_LIMITS.photosPerListing} photos`),
);

export const mediaPath = (hash: string) => `/api/media/${hash}`;
