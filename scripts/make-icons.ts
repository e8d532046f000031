// Renders the app icons (web/static/icons/*.png) from one SVG with Debian's Chromium.
// Run after changing the logo: npx tsx scripts/make-icons.ts
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium.js';
import { fileURLToPath } from 'node:url';

const out = (name: string) => fileURLToPath(new URL(`../web/static/icons/${name}`, import.meta.url));

function logo(size: number, maskable: boolean) {
  // Maskable icons are cropped to a circle by some launchers: keep the mark inside the middle 80%.
  const scale = maskable ? 0.72 : 0.9;
  const radius = maskable ? 0 : size * 0.22;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
    <rect width="100" height="100" rx="${(radius / size) * 100}" fill="#ff6f0f"/>
    <g transform="translate(50 52) scale(${scale}) translate(-50 -52)">
      <path d="M50 18 L84 46 L76 46 L76 80 L24 80 L24 46 L16 46 Z" fill="#fff"/>
      <path d="M50 72 C38 63 33 57 33 51 C33 46 37 43 41 43 C45 43 48 45 50 48 C52 45 55 43 59 43 C63 43 67 46 67 51 C67 57 62 63 50 72 Z" fill="#ff6f0f"/>
    </g>
  </svg>`;
}

const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>body{margin:0;background:transparent}</style>${logo(size, maskable)}`);
  await page.locator('svg').screenshot({ path: out(name), omitBackground: true });
}
await browser.close();
