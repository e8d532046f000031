// Test support for the photo code (tests only): Node has no image decoder or canvas, so real PNG
// files from the app's icons stand in for what preparePhoto would have made in a browser.
import { readFileSync } from 'node:fs';
import { PhotoError, sha256Hex, type PreparedImage, type PreparedPhoto } from './prepare-photo.js';

const icon = (name: string) => readFileSync(new URL(`../../../static/icons/${name}`, import.meta.url));
const FULL = { bytes: icon('icon-512.png'), side: 512 };
const THUMB = { bytes: icon('icon-192.png'), side: 192 };

/** The PNG with `extra` zero bytes after its end: still valid to a header reader, a different hash. */
async function image({ bytes, side }: { bytes: Uint8Array; side: number }, extra: number): Promise<PreparedImage> {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>, new Uint8Array(extra)], { type: 'image/png' });
  return { blob, type: 'image/png', width: side, height: side, hash: await sha256Hex(blob) };
}

/** Picked "files" whose content names which real image they become: `photo:0`, `photo:1`. */
export const pickedPhoto = (n: number, name = `photo-${n}.jpg`) => new File([`photo:${n}`], name, { type: 'image/jpeg' });

/** A picked file that does not decode as an image. */
export const pickedNotPhoto = (name = 'notes.jpg') => new File(['not a photo'], name, { type: 'image/jpeg' });

/**
 * Stands in for preparePhoto: photo n becomes a distinct, real PNG pair (so the server accepts it),
 * anything else is refused the way preparePhoto refuses a file that is no image.
 */
export async function fakePrepare(file: File | Blob): Promise<PreparedPhoto> {
  const match = /^photo:(\d+)$/.exec(await file.text());
  const name = 'name' in file ? file.name : 'That file';
  if (!match) throw new PhotoError('photo.not_image', `“${name}” is not a photo Dongne can read.`);
  const n = Number(match[1]);
  return { full: await image(FULL, n), thumb: await image(THUMB, n) };
}
