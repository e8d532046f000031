// The real entry point, over real HTTP, killed hard: what a device was told is saved stays saved.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { LISTING_LIMITS, type Change, type ChatMessage, type ListingCreateArgs, type Mutation, type PullResponse, type PushResponse, type PushSettings } from '@dongne/shared';
import { ensureDemoNeighbourhoods } from './services/neighbourhood-setup.js';
import { systemClock } from './services/clock.js';
import { openSqliteStore, type SqliteStore } from './store/sqlite/sqlite-store.js';
import { fixSource, HOME, type FixSource } from './testing/fixes.js';
import { listingArgs, mutation, newSession, overHttp, setNeighbourhoods, tempDir, verifyNeighbourhood } from './testing/harness.js';
import { killSpawnedServers, spawnServer, withDongsImported, type SpawnedServer } from './testing/spawned-server.js';

/** Demo listings the server seeds: 46 in Bundang, 10 in Seoul's Mapo-gu. */
const DEMO_COUNT = 56;
/** Those a pull without a neighbourhood returns: the default area (Sunae-dong, Far) holds Bundang's. */
const DEMO_IN_DEFAULT_AREA = 46;

let temp: ReturnType<typeof tempDir>;
/** The demo neighbourhoods, to stand at their centres; the server under test imports the same file. */
let places: SqliteStore;
/** Fixes taken now by the real clock, as the spawned server checks them. */
let fixAt: FixSource;
beforeEach(async () => {
  temp = tempDir('dongne-main-');
  // Every dong of Korea already imported, as after a first start: one test below starts truly empty.
  await withDongsImported(temp.dir);
  places = openSqliteStore(':memory:');
  await ensureDemoNeighbourhoods(places);
  fixAt = fixSource(await places.neighbourhoods.all(), systemClock);
});
afterEach(async () => {
  await killSpawnedServers();
  await places.close();
  temp.remove();
});

/** listing.create as the app sends it when Publish is tapped: with a fix taken in the listing's neighbourhood. */
const publish = (seq: number, args: ListingCreateArgs) => mutation(seq, 'listing.create', args, { fix: fixAt(args.neighbourhoodId) });

/** Signs a new account up over HTTP; its session lives in the database, so it outlives a restart. */
async function startSession(server: SpawnedServer): Promise<string> {
  return (await newSession(overHttp(server.url))).cookie;
}

async function pushOverHttp(server: SpawnedServer, cookie: string, clientId: string, mutations: Mutation[]): Promise<PushResponse> {
  const response = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ clientId, mutations }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}

async function pullEverything(server: SpawnedServer, cookie: string, clientId: string, scope: Record<string, string | number> = {}) {
  const changes: Change[] = [];
  let cursor = 0;
  let lastSeq = 0;
  const area = Object.entries(scope).map(([key, value]) => `&${key}=${encodeURIComponent(value)}`).join('');
  for (;;) {
    const response = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&clientId=${clientId}&limit=500${area}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    lastSeq = page.lastSeq;
    if (!page.hasMore) break;
  }
  const live = new Map<string, string>();
  for (const change of changes) {
    if (change.op === 'upsert' && change.entity === 'listing') live.set(change.row.id, change.row.title);
    else if (change.op === 'delete' && change.entity === 'listing') live.delete(change.id);
  }
  const upsertIds = changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'listing' ? [c.row.id] : []));
  return { changes, live, upsertIds, lastSeq, cursor };
}

describe('the server process', () => {
  it('keeps every acknowledged push across a SIGKILL, and a re-pushed batch adds nothing', async () => {
    const first = await spawnServer(temp.dir);
    expect(first.output()).toContain(`Seeded ${DEMO_COUNT} demo listings.`);
    const cookie = await startSession(first);
    const clientId = randomUUID();
    const stool = listingArgs({ title: '원목 스툴' });
    const lamp = listingArgs({ title: 'Desk lamp' });
    const kettle = listingArgs({ title: 'Kettle' });
    const batch1 = [
      publish(1, stool),
      publish(2, lamp),
      mutation(3, 'listing.teleport', {}),
    ];
    const batch2 = [publish(4, kettle), mutation(5, 'listing.delete', { id: lamp.id })];
    const ack1 = await pushOverHttp(first, cookie, clientId, batch1);
    const ack2 = await pushOverHttp(first, cookie, clientId, batch2);
    expect(ack2.lastSeq).toBe(5);
    const beforeKill = await pullEverything(first, cookie, clientId);

    await first.kill();
    const second = await spawnServer(temp.dir);
    expect(second.output()).not.toContain('Seeded');

    const afterRestart = await pullEverything(second, cookie, clientId);
    expect(afterRestart.changes).toEqual(beforeKill.changes);
    expect(afterRestart.lastSeq).toBe(5);
    expect(afterRestart.live.size).toBe(DEMO_IN_DEFAULT_AREA + 2);
    expect(afterRestart.live.get(stool.id)).toBe('원목 스툴');
    expect(afterRestart.live.get(kettle.id)).toBe('Kettle');
    expect(afterRestart.live.has(lamp.id)).toBe(false);

    // The device never saw the acknowledgements (say), so it pushes both batches again.
    // Same answers as before; lastSeq is the device's latest, which the retry does not move.
    expect(await pushOverHttp(second, cookie, clientId, batch1)).toEqual({ results: ack1.results, lastSeq: 5 });
    expect(await pushOverHttp(second, cookie, clientId, batch2)).toEqual(ack2);
    const afterRetry = await pullEverything(second, cookie, clientId);
    expect(afterRetry.changes).toEqual(beforeKill.changes);
    expect(afterRetry.cursor).toBe(beforeKill.cursor);
  });

  it('keeps a chat batch it answered across a SIGKILL: pushed again after the restart, nothing is added, every message there once and in order', async () => {
    const first = await spawnServer(temp.dir);
    const seller = await newSession(overHttp(first.url));
    const buyer = await newSession(overHttp(first.url));
    const sellersPhone = randomUUID();
    const buyersPhone = randomUUID();
    const chair = listingArgs({ title: '원목 의자' });
    await pushOverHttp(first, seller.cookie, sellersPhone, [publish(1, chair)]);
    // Written on the subway: verify at home, then five messages, all in one outbox batch.
    const texts = ['Hi!', 'Is the chair still for sale?', 'Could I see it tonight?', 'Around 7pm?', 'Sunae station exit 3 works for me'];
    const batch = [
      setNeighbourhoods(1, [HOME]),
      verifyNeighbourhood(2, HOME, fixAt(HOME)),
      ...texts.map((text, i) => mutation(3 + i, 'chat.send', { id: randomUUID(), listingId: chair.id, buyerId: buyer.actorId, text })),
    ];
    const ack = await pushOverHttp(first, buyer.cookie, buyersPhone, batch);
    expect(ack.results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
    const seenBefore = await pullEverything(first, seller.cookie, sellersPhone);

    // Killed right after answering; the answer never reached the phone, which sends the batch again.
    await first.kill();
    const second = await spawnServer(temp.dir);
    expect(await pushOverHttp(second, buyer.cookie, buyersPhone, batch)).toEqual(ack);

    const seenAfter = await pullEverything(second, seller.cookie, sellersPhone);
    expect(seenAfter.changes).toEqual(seenBefore.changes);
    expect(seenAfter.cursor).toBe(seenBefore.cursor);
    const messages = seenAfter.changes.flatMap((c): ChatMessage[] => (c.op === 'upsert' && c.entity === 'message' ? [c.row] : []));
    expect(messages.map((m) => [m.n, m.text])).toEqual(texts.map((text, i) => [i + 1, text]));
    const buyers = await pullEverything(second, buyer.cookie, buyersPhone);
    expect(buyers.lastSeq).toBe(batch.length);
    expect(buyers.changes.filter((c) => c.op === 'upsert' && c.entity === 'message')).toEqual(messages.map((row) => ({ op: 'upsert', entity: 'message', row })));
  });

  it('loses nothing it acknowledged when killed with a push in flight, and applies the retried outbox once', async () => {
    const first = await spawnServer(temp.dir);
    // Twelve sellers, each publishing a day's worth of listings (50) from their phone in one batch.
    const sellers = [];
    for (let b = 0; b < 12; b++) {
      const cookie = await startSession(first);
      const batch = Array.from({ length: LISTING_LIMITS.perDay }, (_, i) => publish(i + 1, listingArgs({ title: `Batch ${b} item ${i}` })));
      sellers.push({ cookie, clientId: randomUUID(), batch });
    }
    const total = sellers.length * LISTING_LIMITS.perDay;

    // Four batches are acknowledged; the plug is pulled while the fifth is on the wire, so it may
    // or may not have been committed.
    const acknowledged: number[] = [];
    for (const b of [0, 1, 2, 3]) {
      const { results } = await pushOverHttp(first, sellers[b].cookie, sellers[b].clientId, sellers[b].batch);
      expect(results.every((r) => r.status === 'applied')).toBe(true);
      acknowledged.push(b);
    }
    const inFlight = fetch(`${first.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: sellers[4].cookie },
      body: JSON.stringify({ clientId: sellers[4].clientId, mutations: sellers[4].batch }),
    }).then(
      (response) => response.status,
      () => 'connection lost',
    );
    await new Promise((resolve) => setTimeout(resolve, 2));
    await first.kill();
    const fifth = await inFlight;
    if (fifth === 200) acknowledged.push(4);

    const second = await spawnServer(temp.dir);
    const afterRestart = await pullEverything(second, sellers[0].cookie, sellers[0].clientId);
    for (const b of acknowledged) {
      for (const m of sellers[b].batch) expect(afterRestart.live.has((m.args as { id: string }).id)).toBe(true);
    }
    // Whatever got in, it got in once and whole: the in-flight batch is all there or not at all.
    expect(new Set(afterRestart.upsertIds).size).toBe(afterRestart.upsertIds.length);
    expect([DEMO_IN_DEFAULT_AREA + 200, DEMO_IN_DEFAULT_AREA + 250]).toContain(afterRestart.live.size);
    const fifthSeller = await pullEverything(second, sellers[4].cookie, sellers[4].clientId);
    expect(fifthSeller.lastSeq).toBe(afterRestart.live.size === DEMO_IN_DEFAULT_AREA + 250 ? 50 : 0);

    // Every device retries its whole outbox: every listing ends up there exactly once.
    for (const { cookie, clientId, batch } of sellers) {
      const { results, lastSeq } = await pushOverHttp(second, cookie, clientId, batch);
      expect(results.every((r) => r.status === 'applied')).toBe(true);
      expect(lastSeq).toBe(LISTING_LIMITS.perDay);
    }
    const final = await pullEverything(second, sellers[0].cookie, sellers[0].clientId);
    expect(final.lastSeq).toBe(LISTING_LIMITS.perDay);
    expect(final.live.size).toBe(DEMO_IN_DEFAULT_AREA + total);
    expect(final.upsertIds).toHaveLength(DEMO_IN_DEFAULT_AREA + total);
  });

  it('does its whole first start on an empty data directory, and does not seed the demo listings again on a restart after a clean stop', async () => {
    const empty = tempDir('dongne-first-start-');
    onTestFinished(empty.remove);
    const first = await spawnServer(empty.dir);
    expect(first.output()).toContain(`Seeded ${DEMO_COUNT} demo listings.`);
    expect(await first.stop('SIGTERM')).toBe(0);
    const second = await spawnServer(empty.dir);
    expect(second.output()).not.toContain('Seeded');
    const cookie = await startSession(second);
    const { live } = await pullEverything(second, cookie, randomUUID());
    expect(live.size).toBe(DEMO_IN_DEFAULT_AREA);
    const seoul = await pullEverything(second, cookie, randomUUID(), { neighbourhood: 'kr-mapo-mangwon', range: 4 });
    expect(live.size + seoul.live.size).toBe(DEMO_COUNT);
  });

  it('makes its VAPID keys on the first start, keeps them in the data directory for every start after, and takes an operator’s pair instead', async () => {
    const file = join(temp.dir, 'vapid.json');
    const publicKeyOf = async (server: SpawnedServer) => {
      const cookie = await startSession(server);
      const response = await fetch(`${server.url}/api/push/settings?clientId=${randomUUID()}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      return ((await response.json()) as PushSettings).publicKey;
    };
    const first = await spawnServer(temp.dir);
    expect(first.output()).toContain(`Made the VAPID key pair pushes are signed with: ${file}`);
    const kept = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await publicKeyOf(first)).toBe(JSON.parse(kept).publicKey);
    // A clean stop, with the push dispatcher's timer running: it stops too.
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await spawnServer(temp.dir);
    expect(second.output()).not.toContain('Made the VAPID key pair');
    expect(readFileSync(file, 'utf8')).toBe(kept);
    expect(await publicKeyOf(second)).toBe(JSON.parse(kept).publicKey);
    await second.kill();

    const operators = webpush.generateVAPIDKeys();
    const third = await spawnServer(temp.dir, { env: { DONGNE_VAPID_PUBLIC_KEY: operators.publicKey, DONGNE_VAPID_PRIVATE_KEY: operators.privateKey } });
    expect(await publicKeyOf(third)).toBe(operators.publicKey);
    expect(readFileSync(file, 'utf8')).toBe(kept);
  });

  it('refuses to start with half a VAPID pair, and says why', async () => {
    await expect(spawnServer(temp.dir, { env: { DONGNE_VAPID_PUBLIC_KEY: webpush.generateVAPIDKeys().publicKey } })).rejects.toThrow(
      /exited with 1[\s\S]*DONGNE_VAPID_PUBLIC_KEY and DONGNE_VAPID_PRIVATE_KEY go together/,
    );
  });

  it("shows visitors the operator's default area (DONGNE_DEFAULT_NEIGHBOURHOOD) before they choose one", async () => {
    const server = await spawnServer(temp.dir, { env: { DONGNE_DEFAULT_NEIGHBOURHOOD: 'kr-mapo-mangwon' } });
    const response = await fetch(`${server.url}/api/sync/pull`);
    const page = (await response.json()) as PullResponse;
    expect(page.scope).toEqual({ neighbourhoodId: 'kr-1114069', range: 4 });
    expect(page.profile).toBeNull();
    // Mapo-gu's ten demo listings, none of Bundang's 22 km away; and its board's posts, none of Bundang's either.
    const listings = page.changes.filter((c) => c.entity === 'listing');
    expect(listings).toHaveLength(DEMO_COUNT - DEMO_IN_DEFAULT_AREA);
    expect(listings.every((c) => c.op === 'upsert' && c.entity === 'listing' && c.row.neighbourhoodId.startsWith('kr-1114'))).toBe(true);
    const posts = page.changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'post' ? [c.row] : []));
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((post) => post.neighbourhoodId.startsWith('kr-1114'))).toBe(true);
  });

  it('refuses to start with a DONGNE_DEFAULT_NEIGHBOURHOOD it does not know, and says why', async () => {
    await expect(spawnServer(temp.dir, { env: { DONGNE_DEFAULT_NEIGHBOURHOOD: 'kr-nowhere' } })).rejects.toThrow(
      /exited with 1[\s\S]*DONGNE_DEFAULT_NEIGHBOURHOOD="kr-nowhere" is not a known neighbourhood id/,
    );
  });

  it('refuses to start with a daily cap that is not a whole number, and says why', async () => {
    await expect(spawnServer(temp.dir, { env: { DONGNE_LISTINGS_PER_DAY: '0' } })).rejects.toThrow(
      /exited with 1[\s\S]*DONGNE_LISTINGS_PER_DAY="0" is not a whole number from 1 to 999999999 \(the default is 50\)/,
    );
  });

  it('refuses to start with a DONGNE_PASSWORD_COST scrypt cannot use, and says why', async () => {
    await expect(spawnServer(temp.dir, { env: { DONGNE_PASSWORD_COST: '10000' } })).rejects.toThrow(
      /exited with 1[\s\S]*DONGNE_PASSWORD_COST="10000" is not a power of two from 2 to 1048576/,
    );
  });

  it('serves only the API when there is no web build, and the app shell when there is', async () => {
    const apiOnly = await spawnServer(temp.dir);
    expect((await fetch(`${apiOnly.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${apiOnly.url}/`)).status).toBe(404);
    await apiOnly.kill();

    const webDir = join(temp.dir, 'web');
    mkdirSync(join(webDir, '_app/immutable'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Dongne</title>');
    writeFileSync(join(webDir, '_app/immutable/app.abc123.js'), 'console.log(1)');
    const withWeb = await spawnServer(temp.dir, { webDir });
    const shell = await fetch(`${withWeb.url}/listings/${randomUUID()}`);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain('<title>Dongne</title>');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${withWeb.url}/_app/immutable/app.abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // An unknown API route is still an API 404, not the app shell.
    const missing = await fetch(`${withWeb.url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a 10 MB push over real HTTP with 413 and keeps serving', async () => {
    const server = await spawnServer(temp.dir);
    const cookie = await startSession(server);
    const response = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ clientId: randomUUID(), mutations: [], padding: 'x'.repeat(10 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'request.too_large', message: expect.any(String) } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
