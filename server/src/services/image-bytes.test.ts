import { describe, expect, it } from 'vitest';
import {
  JPEG_3X2,
  JPEG_4097X8,
  png,
  WEBP_VP8_300X257,
  WEBP_VP8L_1280X853,
  WEBP_VP8L_3X2,
  WEBP_VP8X_3X2,
  WEBP_VP8X_4097X8,
} from '../testing/images.js';
import { readImageInfo, sniffImageType } from './image-bytes.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('readImageInfo', () => {
  it('reads the type and pixel size of real JPEG, PNG and WebP files', () => {
    expect(readImageInfo(JPEG_3X2)).toEqual({ type: 'image/jpeg', width: 3, height: 2 });
    expect(readImageInfo(JPEG_4097X8)).toEqual({ type: 'image/jpeg', width: 4097, height: 8 });
    expect(readImageInfo(png(3, 2))).toEqual({ type: 'image/png', width: 3, height: 2 });
    expect(readImageInfo(png(5000, 1))).toEqual({ type: 'image/png', width: 5000, height: 1 });
    expect(readImageInfo(WEBP_VP8_300X257)).toEqual({ type: 'image/webp', width: 300, height: 257 });
    expect(readImageInfo(WEBP_VP8L_3X2)).toEqual({ type: 'image/webp', width: 3, height: 2 });
    expect(readImageInfo(WEBP_VP8L_1280X853)).toEqual({ type: 'image/webp', width: 1280, height: 853 });
    expect(readImageInfo(WEBP_VP8X_3X2)).toEqual({ type: 'image/webp', width: 3, height: 2 });
    expect(readImageInfo(WEBP_VP8X_4097X8)).toEqual({ type: 'image/webp', width: 4097, height: 8 });
  });

  it('finds the JPEG frame past fill bytes and segments that contain marker-like bytes', () => {
    // SOI, fill bytes, an APP1 whose payload holds FF C0 (a start-of-frame marker, if misread), then
    // the real frame header of 640 × 480.
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xff, 0xff, 0xe1, 0x00, 0x08, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x01,
      0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00,
    ]);
    // A progressive frame (SOF2) counts as much as a baseline one.
    expect(readImageInfo(jpeg)).toEqual({ type: 'image/jpeg', width: 640, height: 480 });
  });

  it('refuses files that only look like images at the first bytes', () => {
    const refused: [string, Uint8Array][] = [
      ['text', text('hello, I am not a photo')],
      ['empty', new Uint8Array(0)],
      ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')],
      ['JPEG signature alone', new Uint8Array([0xff, 0xd8, 0xff])],
      ['JPEG cut before its frame header', JPEG_3X2.subarray(0, 400)],
      ['JPEG with scan data before any frame', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0])],
      ['JPEG with a zero height (DNL)', new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x00, 0x00, 0x10, 1, 1, 0x11, 0])],
      ['PNG signature alone', png(3, 2).subarray(0, 8)],
      ['PNG of width 0', png(0, 2)],
      ['PNG whose first chunk is not IHDR', withAscii(png(3, 2), 12, 'IDAT')],
      ['WebP header alone', text('RIFF\x24\x00\x00\x00WEBP')],
      ['WebP with an unknown first chunk', withAscii(WEBP_VP8L_3X2, 12, 'VP9 ')],
      ['WebP VP8 without its start code', withByte(WEBP_VP8_300X257, 23, 0)],
      ['WebP VP8L without its signature', withByte(WEBP_VP8L_3X2, 20, 0)],
      ['WebP whose chunk runs past the end', WEBP_VP8_300X257.subarray(0, 100)],
      ['GIF', text('GIF89a\x01\x00\x01\x00\x00\x00\x00;')],
    ];
    for (const [name, bytes] of refused) expect(readImageInfo(bytes), name).toBeUndefined();
  });
});

describe('sniffImageType', () => {
  it('names the type by signature, whatever the file claims to be', () => {
    expect(sniffImageType(JPEG_3X2)).toBe('image/jpeg');
    expect(sniffImageType(png(1, 1))).toBe('image/png');
    expect(sniffImageType(WEBP_VP8X_3X2)).toBe('image/webp');
    expect(sniffImageType(text('not an image'))).toBeUndefined();
  });
});

function withByte(bytes: Uint8Array, at: number, value: number) {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
}

function withAscii(bytes: Uint8Array, at: number, ascii: string) {
  const copy = bytes.slice();
  copy.set(new TextEncoder().encode(ascii), at);
  return copy;
}
