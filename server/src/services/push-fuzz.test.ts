// Property-based fuzzing of POST /api/sync/push: whatever a client sends, the server never answers
// 500, and a mutation it rejects leaves every domain table exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_NAMES } from '@dongne/shared';
import { createApp } from '../app.js';
import { newSession, TEST_PASSWORD_COST } from '../testing/harness.js';
import { openTestStore, query, type OpenedTestStore, type TestStore } from '../testing/test-store.js';
import { seedDemoData } from './demo-seed.js';
import { legacyDistricts } from './neighbourhood-setup.js';

const DOMAIN_TABLES = ['listings', 'verifications', 'actor_neighbourhoods', 'neighbourhoods', 'change_counter', 'actors', 'sessions'];

let opened: OpenedTestStore;
let store: TestStore;
let app: ReturnType<typeof createApp>;
let cookie: string;
let now = Date.UTC(2026, 10, 25, 12);

/** Every row of the domain tables, sorted whole (rows can share a first column), so equal snapshots mean no change. */
async function snapshot() {
  const tables: Record<string, unknown[]> = {};
  for (const t of DOMAIN_TABLES) {
    const rows = (await query(store, `SELECT * FROM ${t}`)).map((row) => [JSON.stringify(row), row] as const);
    tables[t] = rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  }
  return tables;
}

beforeAll(async () => {
  opened = await openTestStore({ neighbourhoods: 'none' });
  store = opened.store;
  const clock = { now: () => now };
  await seedDemoData(store, clock, { districts: legacyDistricts() });
  app = createApp({ store, clock, config: { log: () => {}, passwordCost: TEST_PASSWORD_COST } });
  ({ cookie } = await newSession(app));
});
afterAll(() => opened.close());

const sunae = async () => (await store.neighbourhoods.byId('kr-bundang-sunae'))!;

// Near-valid values find the interesting paths; anything() finds the rest.
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('', ' ', '<script>alert(1)</script>', '\u0000', 'x'.repeat(5000)));
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e12, Number.MAX_SAFE_INTEGER, NaN));
const args = fc.oneof(
  fc.anything(),
  fc.record(
    {
      id: fc.oneof(fc.uuid(), text),
      title: text,
      priceKrw: number,
      category: fc.oneof(fc.constantFrom('books', 'free', 'household'), text),
      description: text,
      neighbourhoodId: fc.oneof(fc.constantFrom('kr-bundang-sunae', 'kr-mapo-mangwon', 'nowhere'), text),
      held: fc.array(fc.oneof(fc.constantFrom('kr-bundang-sunae', 'kr-bundang-pangyo'), text), { maxLength: 4 }),
      active: fc.oneof(fc.constant('kr-bundang-sunae'), text),
    },
    { requiredKeys: [] },
  ),
);
const fix = fc.option(
  fc.record({
    lat: fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constant(37.374)),
    lng: fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constant(127.119)),
    accuracy: fc.oneof(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.constant(10)),
    takenAt: fc.oneof(fc.integer(), fc.constant(now - 1000)),
  }),
  { nil: undefined },
);
const mutation = fc.record({
  mutationId: fc.uuid(),
  seq: fc.integer({ min: 1, max: 1_000_000 }),
  name: fc.oneof(fc.constantFrom(...MUTATION_NAMES), text),
  args,
  createdAt: fc.integer(),
  fix,
});

describe('push fuzzing', () => {
  it('never answers 500, and every rejected mutation changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (mutations) => {
        now += 1000;
        // One mutation per request, so "rejected" can be compared with the tables before it. What a
        // rejection left as it was is the next mutation's "before": one read of the tables each.
        let before = await snapshot();
        for (const m of mutations) {
          const response = await app.request('/api/sync/push', {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ clientId: crypto.randomUUID(), mutations: [m] }),
          });
          expect(response.status).toBeLessThan(500);
          const body = (await response.json()) as { results?: { status: string }[]; error?: { code: string } };
          const after = await snapshot();
          if (response.status !== 200 || body.results?.[0]?.status === 'rejected') expect(after).toEqual(before);
          before = after;
        }
      }),
      { numRuns: 250 },
    );
    // About 750 pushes: 12–16 s alone, 28 s in CI beside the rest of the suite, against the 30 s
    // every other test is held to. A bound for a busy machine, not a wait.
  }, 120_000);

  it('never answers 500 to arbitrary JSON bodies, and changes nothing', async () => {
    // Nothing may change, so every body is held to the tables as they stood before the first.
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await app.request('/api/sync/push', {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(value),
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('finds valid publishes too, so the first property is not vacuous', async () => {
    const place = await sunae();
    const response = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        clientId: crypto.randomUUID(),
        mutations: [
          {
            mutationId: crypto.randomUUID(),
            seq: 1,
            name: 'listing.create',
            args: { id: crypto.randomUUID(), title: 'Fuzz lamp', priceKrw: 1, category: 'household', description: '', neighbourhoodId: place.id },
            createdAt: now,
            fix: { lat: place.lat, lng: place.lng, accuracy: 10, takenAt: now - 5 },
          },
        ],
      }),
    });
    expect(((await response.json()) as { results: { status: string }[] }).results[0].status).toBe('applied');
  });
});
