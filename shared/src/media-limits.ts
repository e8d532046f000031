// Photos' limits and addresses (media.ts has the schemas that name photos: apart, so a screen that
// only shows a photo does not load zod for it).

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

export const mediaPath = (hash: string) => `/api/media/${hash}`;
