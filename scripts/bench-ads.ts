// Local ads: the server taking in 10,000 ad events (impressions and clicks, each checked against
// the fraud rules and the budget, each kept once by its id) in batches of 100 through real HTTP
// (/api/sync/push), beside the raw ceiling: better-sqlite3 inserting the same rows into the same
// ad_events table in one transaction. benchAds() returns the lines; scripts/bench.ts prints them.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { METRES_PER_DEGREE_LAT } from '@dongne/shared';
import { migrate } from '../server/src/store/sqlite/database.js';
import { at } from '../e2e/support/places.js';
import { startServer } from '../e2e/support/server.js';

const N = 10_000;
const BATCH = 100;
/** One event in ten is a click, as a busy feed's ads see at most. */
const CLICK_EVERY = 10;
const PANGYO = 'kr-bundang-pangyo';
/** Each batch comes from one of this many phones, so the per-device caps see several devices. */
const DEVICES = 10;

type Event = { id: string; campaignId: string; kind: 'impression' | 'click'; at: number };

/** The events, as devices counted them over the last hour: a device's clicks seconds apart. */
function eventsFor(campaignId: string): Event[] {
  const start = Date.now() - 60 * 60_000;
  return Array.from({ length: N }, (_, i) => ({
    id: crypto.randomUUID(),
    campaignId,
    kind: i % CLICK_EVERY === 0 ? 'click' : 'impression',
    at: start + i * 300,
  }));
}

async function signUp(url: string, nickname: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname, password: 'benchmark password' }),
  });
  if (response.status !== 201) throw new Error(`signup: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0];
}

async function pushOne(url: string, cookie: string, clientId: string, seq: number, name: string, args: unknown, extra: object = {}) {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ clientId, mutations: [{ mutationId: crypto.randomUUID(), seq, name, args, createdAt: Date.now(), ...extra }] }),
  });
  const result = (await response.json()) as { results: { status: string; code?: string }[] };
  if (!response.ok || result.results[0].status !== 'applied') throw new Error(`${name}: ${response.status} ${JSON.stringify(result)}`);
}

/** A bakery in Pangyo-dong with a campaign over its wider area, opened with a reading taken there. */
async function openCampaign(url: string): Promise<string> {
  const cookie = await signUp(url, `shop${Date.now() % 1_000_000}`);
  const clientId = crypto.randomUUID();
  const place = at(PANGYO);
  const businessId = crypto.randomUUID();
  const fix = { lat: place.latitude + 30 / METRES_PER_DEGREE_LAT, lng: place.longitude, accuracy: 12, takenAt: Date.now() };
  await pushOne(url, cookie, clientId, 1, 'business.create', { id: businessId, name: '판교 베이커리', category: 'bakery', neighbourhoodId: PANGYO }, { fix });
  const campaignId = crypto.randomUUID();
  await pushOne(url, cookie, clientId, 2, 'campaign.create', {
    id: campaignId,
    businessId,
    title: '갓 구운 소금빵',
    text: '매일 아침 8시',
    rangeLevel: 3,
    dailyBudgetKrw: 1_000_000,
    pricePerClickKrw: 100,
  });
  return campaignId;
}

async function benchIngest(url: string, events: Event[]): Promise<number> {
  const cookie = await signUp(url, `viewer${Date.now() % 1_000_000}`);
  const devices = Array.from({ length: DEVICES }, () => ({ clientId: crypto.randomUUID(), seq: 0 }));
  const bodies = Array.from({ length: N / BATCH }, (_, b) => {
    const device = devices[b % DEVICES];
    return JSON.stringify({
      clientId: device.clientId,
      mutations: [{ mutationId: crypto.randomUUID(), seq: ++device.seq, name: 'ad.events', args: { events: events.slice(b * BATCH, (b + 1) * BATCH) }, createdAt: Date.now() }],
    });
  });
  const started = performance.now();
  for (const body of bodies) {
    const response = await fetch(`${url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    const result = (await response.json()) as { results: { status: string }[] };
    if (!response.ok || result.results[0].status !== 'applied') throw new Error(`ad.events: ${response.status} ${JSON.stringify(result)}`);
  }
  return N / ((performance.now() - started) / 1000);
}

/** The same rows into the same table, straight through better-sqlite3, one transaction. */
function benchCeiling(events: Event[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-ads-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    // The rows the events hang from (no neighbourhoods here to check them against), then foreign
    // keys on, as the server has them.
    db.pragma('foreign_keys = OFF');
    db.exec(`
      INSERT INTO actors (id, nickname, created_at) VALUES ('bench', 'Bench', 0);
      INSERT INTO businesses (id, owner_id, name, category, neighbourhood_id, neighbourhood, created_at, change_seq)
        VALUES ('shop', 'bench', 'Bench', 'bakery', '${PANGYO}', 'Pangyo', 0, 1);
      INSERT INTO campaigns (id, business_id, owner_id, title, text, neighbourhood_id, range_level, places, daily_budget_krw, price_per_click_krw, created_at, change_seq)
        VALUES ('${events[0].campaignId}', 'shop', 'bench', 't', 't', '${PANGYO}', 1, '[]', 1000, 100, 0, 2);`);
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(`INSERT INTO ad_events (id, campaign_id, actor_id, client_id, kind, at, day, received_at, flag)
      VALUES (@id, @campaignId, 'bench', 'phone', @kind, @at, '2026-03-01', @at, NULL)`);
    const started = performance.now();
    db.transaction(() => events.forEach((event) => insert.run(event)))();
    return N / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAds(): Promise<string> {
  const server = await startServer();
  try {
    const campaignId = await openCampaign(server.url);
    const events = eventsFor(campaignId);
    const ceiling = benchCeiling(events);
    const ingest = await benchIngest(server.url, events);
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    return `local ads: ${fmt(ingest)} ad events/s taken in (${N} events, 1 in ${CLICK_EVERY} a click, batches of ${BATCH} from ${DEVICES} devices, real HTTP)
  raw insert ceiling ${fmt(ceiling)} rows/s (better-sqlite3, same table, one transaction); ingest / ceiling = ${((ingest / ceiling) * 100).toFixed(1)}%`;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchAds()); // npx tsx scripts/bench-ads.ts
