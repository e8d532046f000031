import { describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../app.js';
import { seedDemoData } from '../services/demo-seed.js';
import { legacyDistricts } from '../services/neighbourhood-setup.js';
import { openTestStore } from '../testing/test-store.js';

async function setup() {
  const { store, close } = await openTestStore({ neighbourhoods: 'none' });
  onTestFinished(close);
  const clock = { now: () => Date.UTC(2026, 10, 25, 12) };
  // The demo's own districts: every dong of Korea would cost each test a second.
  await seedDemoData(store, clock, { districts: legacyDistricts() });
  return createApp({ store, clock, config: { log: () => {} } });
}

async function search(app: Awaited<ReturnType<typeof setup>>, query: string) {
  const response = await app.request(`/api/search?${query}`);
  return { status: response.status, body: (await response.json()) as { listings?: { title: string; priceKrw: number; category: string }[]; error?: { code: string } } };
}

describe('GET /api/search', () => {
  it('finds a Korean word inside a longer word, through the trigram index', async () => {
    const app = await setup();
    const { body } = await search(app, `q=${encodeURIComponent('암체어')}`);
    expect(body.listings!.map((l) => l.title)).toEqual(['이케아 포엥 암체어']);
  });

  it('matches two-character Korean words too, and every word of the query', async () => {
    const app = await setup();
    expect((await search(app, `q=${encodeURIComponent('포엥')}`)).body.listings!.map((l) => l.title)).toEqual(['이케아 포엥 암체어']);
    expect((await search(app, `q=${encodeURIComponent('이케아 쿠션')}`)).body.listings!).toHaveLength(1);
    expect((await search(app, `q=${encodeURIComponent('이케아 자전거')}`)).body.listings!).toHaveLength(0);
  });

  it('searches descriptions, case-insensitively, newest first, within the area', async () => {
    const app = await setup();
    const { body } = await search(app, 'q=MODEL');
    expect(body.listings!.map((l) => l.title)).toContain('Nintendo Switch OLED + 2 games');
    // Pothos cuttings are in Seoul, outside the visitors' Bundang area; from Yeonnam they are found.
    expect((await search(app, 'q=pothos')).body.listings).toHaveLength(0);
    expect((await search(app, 'q=pothos&neighbourhood=kr-mapo-yeonnam&range=1')).body.listings).toHaveLength(1);
  });

  it('filters by category and price', async () => {
    const app = await setup();
    const free = (await search(app, 'q=free&category=free')).body.listings!;
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((l) => l.category === 'free')).toBe(true);
    const cheap = (await search(app, `q=${encodeURIComponent('e')}&maxPrice=20000&minPrice=10000`)).body.listings!;
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((l) => l.priceKrw >= 10000 && l.priceKrw <= 20000)).toBe(true);
  });

  it('treats LIKE and FTS syntax in the query as plain text', async () => {
    const app = await setup();
    // No listing has these characters: a wildcard or operator would have matched everything.
    for (const q of ['_', '"', '*', '%%%', '___', 'NEAR(']) {
      const { status, body } = await search(app, `q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(body.listings, q).toEqual([]);
    }
    // A percent sign is text: it finds the one listing with "91%" in it.
    const percent = (await search(app, `q=${encodeURIComponent('%')}`)).body.listings!;
    expect(percent.map((l) => l.title)).toEqual(['아이패드 에어 5세대 64GB 스페이스그레이']);
    // A bracket is text: it finds the listing that has one, nothing else.
    const bracket = (await search(app, `q=${encodeURIComponent('(3)')}`)).body.listings!;
    expect(bracket.map((l) => l.title)).toEqual(['Korean TOPIK II prep books (3)']);
  });

  it('refuses an empty query, a bad price and an unknown area with a 4xx and a code', async () => {
    const app = await setup();
    expect(await search(app, 'q=')).toMatchObject({ status: 400, body: { error: { code: 'request.invalid' } } });
    expect(await search(app, 'q=lamp&maxPrice=cheap')).toMatchObject({ status: 400, body: { error: { code: 'request.invalid' } } });
    expect(await search(app, 'q=lamp&neighbourhood=nowhere')).toMatchObject({ status: 404, body: { error: { code: 'neighbourhood.unknown' } } });
  });
});
