// What an uploaded file really is, read from its bytes (never from its name or Content-Type): the
// image type and, from the header alone, its pixel size. Nothing is decoded, so a hostile file costs
// a few comparisons; a file whose header cannot be read is treated as not an image.
import type { MediaType } from '@dongne/shared';

export interface ImageInfo {
  type: MediaType;
  width: number;
  height: number;
}

/** The image type the bytes really are (by their signature), or undefined. */
export function sniffImageType(bytes: Uint8Array): MediaType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** The type and pixel size from the image header, or undefined when the bytes are no JPEG, PNG or WebP. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const type = sniffImageType(bytes);
  const size = type === 'image/jpeg' ? jpegSize(bytes) : type === 'image/png' ? pngSize(bytes) : type === 'image/webp' ? webpSize(bytes) : undefined;
  if (!type || !size || size.width < 1 || size.height < 1) return undefined;
  return { type, ...size };
}

type Size = { width: number; height: number };

const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32le = (b: Uint8Array, at: number) => u24le(b, at) + b[at + 3] * 0x1000000;
const fourCC = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: the 8-byte signature, then the IHDR chunk (length 13) opens with width and height. */
function pngSize(b: Uint8Array): Size | undefined {
  if (b.length < 24 || PNG_SIGNATURE.some((byte, i) => b[i] !== byte)) return undefined;
  if (u32be(b, 8) !== 13 || fourCC(b, 12) !== 'IHDR') return undefined;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  // The spec caps both at 2^31 - 1.
  return width > 0x7fffffff || height > 0x7fffffff ? undefined : { width, height };
}

/**
 * JPEG: walk the marker segments after SOI until a start-of-frame (SOF0–SOF15 but DHT, JPG, DAC),
 * whose payload is precision, height, width. Reaching the scan data (SOS) first means no size.
 */
function jpegSize(b: Uint8Array): Size | undefined {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    // Fill bytes: any number of 0xFF may precede a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Markers that stand alone, with no length: TEM, RST0–7, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = u16be(b, at + 2);
    if (length < 2) return undefined;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 7 || at + 9 > b.length) return undefined;
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/**
 * WebP: a RIFF container whose first chunk is VP8 (lossy: size after the key-frame start code),
 * VP8L (lossless: 14-bit sizes minus one after the 0x2F signature) or VP8X (extended: 24-bit canvas
 * sizes minus one).
 */
function webpSize(b: Uint8Array): Size | undefined {
  // Each branch checks that its chunk holds the fields it reads.
  if (b.length < 20) return undefined;
  const chunk = fourCC(b, 12);
  const chunkSize = u32le(b, 16);
  const data = 20;
  if (data + chunkSize > b.length) return undefined;
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes, bit 0 clear on a key frame), then the start code 9D 01 2A.
    if (chunkSize < 10 || (b[data] & 1) !== 0 || b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return undefined;
    return { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (chunkSize < 5 || b[data] !== 0x2f) return undefined;
    const bits = u32le(b, data + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    if (chunkSize < 10) return undefined;
    return { width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
  }
  return undefined;
}
