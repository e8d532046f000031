// Turns a picked file into what a listing stores: the photo resized for the detail screen and a
// square thumbnail for the feed, each encoded small and named by the SHA-256 of its bytes.
import { MEDIA_LIMITS } from '@dongne/shared';
import { m } from '../paraglide/messages.js';

export interface PreparedImage {
  blob: Blob;
  type: string;
  width: number;
  height: number;
  /** SHA-256 of the blob's bytes, in hex: the name the server stores it under. */
  hash: string;
}

export interface PreparedPhoto {
  full: PreparedImage;
  thumb: PreparedImage;
}

export type PhotoErrorCode = 'photo.too_large' | 'photo.not_image' | 'photo.failed';

/** A file that cannot become a listing photo, with a sentence to show the person (in their language). */
export class PhotoError extends Error {
  constructor(
    readonly code: PhotoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;
const WEBP_QUALITY = 0.8;
const JPEG_QUALITY = 0.85;

/** The file's name for a message, or undefined when it has none (a pasted image). */
const nameOf = (file: File | Blob) => ('name' in file && file.name ? file.name : undefined);

export async function preparePhoto(file: File | Blob, name?: string): Promise<PreparedPhoto> {
  const called = name || nameOf(file);
  // A huge file would take seconds and most of a phone's memory just to decode.
  if (file.size > MEDIA_LIMITS.pickMaxBytes) {
    const size = { size: (file.size / MB).toFixed(1), max: MEDIA_LIMITS.pickMaxBytes / MB };
    throw new PhotoError('photo.too_large', called ? m.editor_photo_too_large_named({ name: called, ...size }) : m.editor_photo_too_large(size));
  }
  const bitmap = await decode(file, called);
  try {
    const fit = Math.min(1, MEDIA_LIMITS.longestSide / Math.max(bitmap.width, bitmap.height));
    const full = await render(bitmap, { x: 0, y: 0, side: 0 }, Math.round(bitmap.width * fit), Math.round(bitmap.height * fit));
    return { full, thumb: await renderSquare(bitmap, MEDIA_LIMITS.thumbSide) };
  } catch (error) {
    if (error instanceof PhotoError) throw error;
    throw new PhotoError('photo.failed', called ? m.editor_photo_failed_named({ name: called }) : m.editor_photo_failed());
  } finally {
    bitmap.close();
  }
}

/** The centre square of a picked photo, `side` pixels across (never enlarged): a profile photo. */
export async function squarePhoto(file: File | Blob, side: number): Promise<PreparedImage> {
  const bitmap = await decode(file, nameOf(file));
  try {
    return await renderSquare(bitmap, side);
  } finally {
    bitmap.close();
  }
}

/** The centre square, as a feed thumbnail or profile photo; a photo smaller than that is not blown up. */
function renderSquare(bitmap: ImageBitmap, side: number): Promise<PreparedImage> {
  const square = Math.min(bitmap.width, bitmap.height);
  const crop = { x: (bitmap.width - square) / 2, y: (bitmap.height - square) / 2, side: square };
  return render(bitmap, crop, Math.min(side, square), Math.min(side, square));
}

/** Decoding is the test of a photo: a file's name and type are whatever the sender made them. */
async function decode(file: Blob, called: string | undefined): Promise<ImageBitmap> {
  try {
    // Phone cameras store the picture sideways and record the turn in EXIF; apply it.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    try {
      // Browsers from before 'from-image' was in the spec reject the option itself (they already
      // apply EXIF by default); a second try tells that apart from a file that is no image.
      return await createImageBitmap(file);
    } catch {
      throw new PhotoError('photo.not_image', called ? m.editor_photo_not_image_named({ name: called }) : m.editor_photo_not_image());
    }
  }
}

/** Draws `crop` of the bitmap (side 0: all of it) at width×height and encodes it. */
async function render(bitmap: ImageBitmap, crop: { x: number; y: number; side: number }, width: number, height: number): Promise<PreparedImage> {
  const surface = createSurface(width, height);
  const ctx = surface.ctx;
  // A transparent PNG would turn black as JPEG; white is what the page behind it looks like.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (crop.side) ctx.drawImage(bitmap, crop.x, crop.y, crop.side, crop.side, 0, 0, width, height);
  else ctx.drawImage(bitmap, 0, 0, width, height);
  const blob = await encode(surface);
  return { blob, type: blob.type, width, height, hash: await sha256Hex(blob) };
}

interface Surface {
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  toBlob(type: string, quality: number): Promise<Blob | null>;
}

function createSurface(width: number, height: number): Surface {
  // OffscreenCanvas needs no document, so this also runs off the main thread; older Safari has the
  // class but no 2D context for it.
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) return { ctx, toBlob: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  return { ctx, toBlob: (type, quality) => new Promise((resolve) => canvas.toBlob(resolve, type, quality)) };
}

/**
 * WebP is about a third smaller than JPEG at the same look. A browser that cannot encode it
 * quietly hands back a PNG instead, so the result's type is the test.
 */
let webpEncodes: boolean | undefined;

async function encode(surface: Surface): Promise<Blob> {
  if (webpEncodes !== false) {
    const webp = await surface.toBlob('image/webp', WEBP_QUALITY);
    if (webp) webpEncodes = webp.type === 'image/webp';
    if (webp && webpEncodes) return webp;
  }
  const jpeg = await surface.toBlob('image/jpeg', JPEG_QUALITY);
  if (!jpeg || jpeg.type !== 'image/jpeg') throw new Error('The browser could not encode the photo');
  return jpeg;
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
