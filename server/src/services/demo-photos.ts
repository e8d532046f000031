// The demo listings' photos: small WebP files shipped in server/data/demo-photos/, drawn once by
// scripts/make-demo-photos.ts, so a fresh install shows photos without fetching anything.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ListingPhoto } from '@dongne/shared';

export const DEMO_PHOTOS_DIR = fileURLToPath(new URL('../../data/demo-photos/', import.meta.url));

/** The two files of one photo, as the app makes them: the resized photo and its square thumbnail. */
export const demoPhotoFiles = (name: string) => ({ full: `${name}.webp`, thumb: `${name}.thumb.webp` });

export interface DemoPhotoBytes {
  hash: string;
  bytes: Uint8Array;
}

/** Reads a demo photo's two files and names each by the SHA-256 of its bytes, as a device would. */
export function readDemoPhoto(name: string, dir = DEMO_PHOTOS_DIR): { full: DemoPhotoBytes; thumb: DemoPhotoBytes } {
  const files = demoPhotoFiles(name);
  const read = (file: string): DemoPhotoBytes => {
    const bytes = new Uint8Array(readFileSync(dir + file));
    return { hash: createHash('sha256').update(bytes).digest('hex'), bytes };
  };
  return { full: read(files.full), thumb: read(files.thumb) };
}

export const photoRef = (photo: ReturnType<typeof readDemoPhoto>): ListingPhoto => ({ full: photo.full.hash, thumb: photo.thumb.hash });
