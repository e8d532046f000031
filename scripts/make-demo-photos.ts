// Draws the demo listings' photos (server/data/demo-photos/) with Debian's Chromium: each scene in
// scripts/demo-photos/scenes.ts rendered to a canvas and encoded as the app encodes a picked photo —
// WebP, the photo at 1024 × 768 and the centre square as a 320 px thumbnail. The files are committed,
// so a fresh install has them without fetching anything; the seed stores them like any upload.
// Run after changing a scene or the demo listings: npx tsx scripts/make-demo-photos.ts
import { chromium } from '@playwright/test';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEDIA_LIMITS } from '@dongne/shared';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { DEMO_PHOTO_NAMES } from '../server/src/services/demo-listings.js';
import { DEMO_PHOTOS_DIR, demoPhotoFiles } from '../server/src/services/demo-photos.js';
import { HEIGHT, WIDTH } from './demo-photos/draw.js';
import { SCENES } from './demo-photos/scenes.js';

/** As the app encodes a picked photo (prepare-photo.ts). */
const QUALITY = 0.8;

const missing = DEMO_PHOTO_NAMES.filter((name) => !SCENES[name]);
if (missing.length) throw new Error(`No scene in scripts/demo-photos/scenes.ts for: ${missing.join(', ')}`);

mkdirSync(DEMO_PHOTOS_DIR, { recursive: true });
const wanted = new Set(DEMO_PHOTO_NAMES.flatMap((name) => Object.values(demoPhotoFiles(name))));
for (const file of readdirSync(DEMO_PHOTOS_DIR)) if (!wanted.has(file)) rmSync(join(DEMO_PHOTOS_DIR, file));

const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage();
await page.setContent('<!doctype html><body></body>');
// tsx names the functions it compiles with a helper that exists only in Node; the page needs its own.
await page.evaluate('globalThis.__name = (fn) => fn');
const only = process.argv.slice(2);
for (const name of DEMO_PHOTO_NAMES) {
  if (only.length && !only.includes(name)) continue;
  const encoded = await page.evaluate(
    async ({ svg, width, height, thumbSide, quality }) => {
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      await image.decode();
      const encode = async (side: { w: number; h: number }, crop: [number, number, number, number]) => {
        const canvas = new OffscreenCanvas(side.w, side.h);
        const ctx = canvas.getContext('2d')!;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(image, ...crop, 0, 0, side.w, side.h);
        const blob = await canvas.convertToBlob({ type: 'image/webp', quality });
        if (blob.type !== 'image/webp') throw new Error('This Chromium cannot encode WebP');
        return Array.from(new Uint8Array(await blob.arrayBuffer()));
      };
      const square = Math.min(width, height);
      return {
        full: await encode({ w: width, h: height }, [0, 0, width, height]),
        thumb: await encode({ w: thumbSide, h: thumbSide }, [(width - square) / 2, (height - square) / 2, square, square]),
      };
    },
    { svg: SCENES[name](), width: WIDTH, height: HEIGHT, thumbSide: MEDIA_LIMITS.thumbSide, quality: QUALITY },
  );
  const files = demoPhotoFiles(name);
  writeFileSync(join(DEMO_PHOTOS_DIR, files.full), Uint8Array.from(encoded.full));
  writeFileSync(join(DEMO_PHOTOS_DIR, files.thumb), Uint8Array.from(encoded.thumb));
}
await browser.close();

const total = readdirSync(DEMO_PHOTOS_DIR).reduce((sum, file) => sum + statSync(join(DEMO_PHOTOS_DIR, file)).size, 0);
console.log(`${DEMO_PHOTO_NAMES.length} demo photos (and thumbnails) in ${DEMO_PHOTOS_DIR}: ${(total / 1024).toFixed(0)} KB in all.`);
