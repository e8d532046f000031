import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { MEDIA_LIMITS } from '@dongne/shared';
import { DEMO_LISTINGS, DEMO_PHOTO_NAMES } from './demo-listings.js';
import { DEMO_PHOTOS_DIR, demoPhotoFiles, readDemoPhoto } from './demo-photos.js';
import { readImageInfo } from './image-bytes.js';

const MB = 1024 * 1024;

describe('demo photos', () => {
  it('are shipped for every photo the demo listings name, and nothing else is', () => {
    const expected = DEMO_PHOTO_NAMES.flatMap((name) => Object.values(demoPhotoFiles(name))).sort();
    expect(readdirSync(DEMO_PHOTOS_DIR).sort()).toEqual(expected);
    for (const [title, , , , , { photos }] of DEMO_LISTINGS) expect(photos.length, title).toBeGreaterThanOrEqual(1);
  });

  it('weigh under 2 MB in all, so the repository stays small', () => {
    const total = readdirSync(DEMO_PHOTOS_DIR).reduce((sum, file) => sum + statSync(DEMO_PHOTOS_DIR + file).size, 0);
    expect(total).toBeLessThan(2 * MB);
  });

  it('are WebP at the sizes the app makes: a 4:3 photo within the longest side, and a square thumbnail', () => {
    const hashes = new Set<string>();
    for (const name of DEMO_PHOTO_NAMES) {
      const { full, thumb } = readDemoPhoto(name);
      expect(readImageInfo(full.bytes), name).toEqual({ type: 'image/webp', width: 1024, height: 768 });
      expect(readImageInfo(thumb.bytes), name).toEqual({ type: 'image/webp', width: MEDIA_LIMITS.thumbSide, height: MEDIA_LIMITS.thumbSide });
      expect(full.bytes.length).toBeLessThan(MEDIA_LIMITS.uploadMaxBytes);
      hashes.add(full.hash).add(thumb.hash);
    }
    // No two photos are the same picture.
    expect(hashes.size).toBe(2 * DEMO_PHOTO_NAMES.length);
  });
});
