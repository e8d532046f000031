// Keyword alerts: matching one new listing against 100,000 saved keywords (10,000 people with 10
// each, most of them rare words, some the words listings use) in the SQLite store, through the
// index (keywords filed by key), beside a scan of every saved keyword as the limit measured in the
// same run. benchKeywords() returns the lines; scripts/bench.ts prints them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keywordKey, keywordMatches, normalizeKeyword } from '@dongne/shared';
import { DEMO_LISTINGS } from '../server/src/services/demo-listings.js';
import { keywordMatchesFor } from '../server/src/services/keyword-alerts.js';
import { ensureDemoNeighbourhoods } from '../server/src/services/neighbourhood-setup.js';
import { openSqliteStore } from '../server/src/store/sqlite/sqlite-store.js';
import { percentile, seededRandom } from './bench-listings.js';

const PEOPLE = 10_000;
const PER_PERSON = 10;
/** The share of keywords taken from words listings use; the rest are rare words. */
const COMMON_SHARE = 0.02;
const MATCHES = 2_000;
const WARMUP = 200;
const AIM_P99_MS = 5;

export async function benchKeywords(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-keywords-'));
  const store = openSqliteStore(join(dir, 'keywords.sqlite'));
  try {
    await ensureDemoNeighbourhoods(store);
    const random = seededRandom(17);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const places = store.db.prepare('SELECT id FROM neighbourhoods ORDER BY id').pluck().all() as string[];
    const texts = DEMO_LISTINGS.map(([title, , , , description]) => ({ title, description }));
    const listingWords = [...new Set(texts.flatMap((t) => `${t.title} ${t.description}`.split(/\s+/)).map(normalizeKeyword))].filter((w) => [...w].length >= 2);
    const rareWord = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => String.fromCodePoint(0xac00 + Math.floor(random() * 11_172))).join('');

    const insertActor = store.db.prepare("INSERT INTO actors (id, nickname, created_at) VALUES (?, ?, 0)");
    const insertHeld = store.db.prepare('INSERT INTO actor_neighbourhoods (actor_id, neighbourhood_id, active, added_at) VALUES (?, ?, 1, 0)');
    const insertKeyword = store.db.prepare('INSERT OR IGNORE INTO keywords (actor_id, keyword, match_key, created_at) VALUES (?, ?, ?, 0)');
    let saved = 0;
    store.db.transaction(() => {
      for (let p = 0; p < PEOPLE; p++) {
        const id = `bench-${p}`;
        insertActor.run(id, id);
        insertHeld.run(id, pick(places));
        for (let k = 0; k < PER_PERSON; k++) {
          const keyword = random() < COMMON_SHARE ? pick(listingWords) : rareWord();
          saved += insertKeyword.run(id, keyword, keywordKey(keyword)).changes;
        }
      }
    })();

    const listing = (i: number) => ({ id: `listing-${i}`, sellerId: 'bench-seller', neighbourhoodId: pick(places), ...texts[i % texts.length] });
    const indexed: number[] = [];
    let told = 0;
    for (let i = 0; i < WARMUP + MATCHES; i++) {
      const started = performance.now();
      const found = await store.read((tx) => keywordMatchesFor(tx, listing(i)));
      if (i >= WARMUP) {
        indexed.push(performance.now() - started);
        told += found.length;
      }
    }
    // The limit: every saved keyword checked against the listing, read once into memory beforehand.
    const all = store.db.prepare('SELECT actor_id AS actorId, keyword FROM keywords').all() as { actorId: string; keyword: string }[];
    const scanned: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { title, description } = listing(i);
      const text = `${title}\n${description}`;
      const started = performance.now();
      all.filter((k) => keywordMatches(text, k.keyword));
      scanned.push(performance.now() - started);
    }
    indexed.sort((a, b) => a - b);
    scanned.sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    const p99 = percentile(indexed, 0.99);
    const scanP99 = percentile(scanned, 0.99);
    return [
      `keyword alerts: ${saved.toLocaleString('en-US')} saved keywords (${PEOPLE.toLocaleString('en-US')} people; ${COMMON_SHARE * 100}% words listings use, the rest rare), SQLite`,
      `  matching one new listing   p50 ${ms(percentile(indexed, 0.5))}  p99 ${ms(p99)}  (${MATCHES.toLocaleString('en-US')} demo listings, ${(told / MATCHES).toFixed(1)} people told each)  (aim p99 < ${AIM_P99_MS} ms)  ${p99 < AIM_P99_MS ? 'OK' : 'OVER'}`,
      `  limit: scanning every keyword in memory  p99 ${ms(scanP99)}  index/scan ${(p99 / scanP99).toFixed(2)}x  ${p99 < scanP99 ? 'OK' : 'OVER'}`,
    ].join('\n');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchKeywords());
