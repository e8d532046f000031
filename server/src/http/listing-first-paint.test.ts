// A shared listing's first visit: the shell comes with the listing painted in (photo, title, place,
// price, link-preview tags), in the visitor's language, for public listings and visitors only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_PAINT_ID, type Listing } from '@dongne/shared';
import { createTestServer, tempDir, type TestServer } from '../testing/harness.js';
import { people } from '../testing/trading.js';
import { shellLanguage, withListingFirstPaint } from './listing-first-paint.js';

const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta name="description" content="Buy, sell and give away things with your neighbours." />
    <title>Dongne 동네</title>
  </head>
  <body data-sveltekit-preload-data="hover">
    <div style="display: contents"></div>
  </body>
</html>`;

const listing = {
  id: '7c4f6a52-3b1e-4d8a-9f3c-2a1b0c9d8e7f',
  title: '<script>alert("x")</script> 원목 의자',
  description: 'Solid oak.\n\nPick-up only & "as is".',
  priceKrw: 15000,
  neighbourhood: 'Sunae-dong 수내동',
  photos: [{ full: 'a'.repeat(64), thumb: 'b'.repeat(64) }],
} as Listing;

describe('the shell with a listing painted in', () => {
  it('paints the photo, title, place and price, escaped, and gives link previews the same', () => {
    const page = withListingFirstPaint(SHELL, listing, 'en', 'https://dongne.example');
    expect(page).toContain(`<div id="${FIRST_PAINT_ID}" class="first-paint">`);
    expect(page).toContain(`<img class="first-paint-photo" src="/api/media/${'a'.repeat(64)}"`);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 원목 의자');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('<p class="first-paint-place">Sunae-dong 수내동</p>');
    expect(page).toContain('<p class="first-paint-price">₩15,000</p>');
    expect(page).toContain(`<meta property="og:image" content="https://dongne.example/api/media/${'a'.repeat(64)}" />`);
    expect(page).toContain(`<meta property="og:url" content="https://dongne.example/listings/${listing.id}" />`);
    expect(page).toContain('<meta name="description" content="₩15,000 · Sunae-dong 수내동. Solid oak. Pick-up only &amp; &quot;as is&quot;." />');
    // One title and one description: the shell's own are replaced, not doubled.
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(page.match(/<meta name="description"/g)).toHaveLength(1);
  });

  it('takes a seller\'s `$` as it is, and leaves the shell\'s scripts byte for byte (their hashes are the CSP)', () => {
    const shell = SHELL.replace('</head>', '<script>var early = 1;</script>\n  </head>').replace('<div style', '<script>var late = 2;</script><div style');
    const page = withListingFirstPaint(shell, { ...listing, title: "Deal $` now $' and $& or $$5", description: '😀'.repeat(200) }, 'en', 'https://dongne.example');
    expect(page).toContain('<h1 class="first-paint-title">Deal $` now $&#39; and $&amp; or $$5</h1>');
    expect(page.match(/<script>[\s\S]*?<\/script>/g)).toEqual(shell.match(/<script>[\s\S]*?<\/script>/g));
    expect(page.match(/<\/head>/g)).toHaveLength(1);
    // A long description is cut between characters, never inside an emoji.
    const description = /<meta name="description" content="([^"]*)"/.exec(page)![1];
    expect(description.endsWith('😀…')).toBe(true);
    // Read by code points, a lone half of a surrogate pair is the only thing in the Cs category.
    expect(description).not.toMatch(/\p{Cs}/u);
  });

  it('speaks Korean to a Korean browser: the page language, the place and the price', () => {
    const page = withListingFirstPaint(SHELL, { ...listing, priceKrw: 0 }, 'ko', 'https://dongne.example');
    expect(page).toContain('<html lang="ko"');
    expect(page).toContain('<p class="first-paint-place">수내동</p>');
    expect(page).toContain('<p class="first-paint-price">나눔</p>');
  });

  it('paints no photo for a listing without one, and leaves a shell it cannot read alone', () => {
    const page = withListingFirstPaint(SHELL, { ...listing, photos: [] }, 'en', 'https://dongne.example');
    expect(page).not.toContain('first-paint-photo');
    expect(page).not.toContain('og:image');
    expect(withListingFirstPaint('<html><body></body></html>', listing, 'en', 'https://dongne.example')).toBe('<html><body></body></html>');
  });

  it('chooses Korean only when the browser prefers it to English', () => {
    expect(shellLanguage('ko-KR,ko;q=0.9,en-US;q=0.8')).toBe('ko');
    expect(shellLanguage('en-US,en;q=0.9,ko;q=0.8')).toBe('en');
    expect(shellLanguage('fr-FR,ko;q=0.5')).toBe('ko');
    expect(shellLanguage('ko;q=0,en')).toBe('en');
    expect(shellLanguage(undefined)).toBe('en');
    expect(shellLanguage('*')).toBe('en');
  });
});

describe('GET /listings/:id on the server', () => {
  let web: ReturnType<typeof tempDir>;
  let server: TestServer;

  beforeEach(async () => {
    web = tempDir('dongne-web-');
    mkdirSync(join(web.dir, '_app'), { recursive: true });
    writeFileSync(join(web.dir, 'index.html'), SHELL);
    server = await createTestServer({ webDir: web.dir });
  });

  afterEach(async () => {
    await server.close();
    web.remove();
  });

  it('paints a public listing for a visitor; the seller, signed in, and a hidden listing get the plain shell', async () => {
    const { person, publish } = people(server);
    const seller = await person({ verified: true });
    const id = await publish(seller, { title: '원목 의자' });
    const visitor = await server.app.request(`/listings/${id}`, { headers: { 'accept-language': 'ko-KR,ko;q=0.9' } });
    expect(visitor.status).toBe(200);
    expect(visitor.headers.get('content-type')).toMatch(/^text\/html/);
    expect(visitor.headers.get('cache-control')).toBe('no-cache');
    expect(visitor.headers.get('vary')).toMatch(/Accept-Language, Cookie/);
    const painted = await visitor.text();
    expect(painted).toContain('<h1 class="first-paint-title">원목 의자</h1>');
    expect(painted).toContain('<html lang="ko"');

    const signedIn = await server.app.request(`/listings/${id}`, { headers: { cookie: seller.cookie } });
    expect(signedIn.headers.get('vary')).toMatch(/Accept-Language, Cookie/);
    expect(await signedIn.text()).toBe(SHELL);

    expect((await seller.act('listing.set_hidden', { id, hidden: true })).status).toBe('applied');
    expect(await (await server.app.request(`/listings/${id}`)).text()).toBe(SHELL);
  });

  it('answers a listing that is not there, or an id that is not one, with the plain shell', async () => {
    for (const path of ['/listings/00000000-0000-4000-8000-000000000001', '/listings/not-an-id', '/listings/%3Cscript%3E']) {
      const response = await server.app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(SHELL);
    }
  });
});
