// Fills an empty database with demo neighbours, their listings, their board and their shops: each neighbour
// lives, is verified, sells and posts in one neighbourhood, and every listing has photos, stored
// through the media service as any upload is. Does nothing once listings exist, so restarting never
// duplicates anything.
import { neighbourhoodLabel, type Fix, type ListingPhoto } from '@dongne/shared';
import type { BlobStore } from '../blobs/blob-store.js';
import { databaseBlobStore } from '../blobs/database-blob-store.js';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import type { Store, Tx } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { DEMO_LISTINGS, DEMO_NEIGHBOURS, DEMO_PLACES, demoSellerId, type DemoNeighbour } from './demo-listings.js';
import { DEMO_POSTS } from './demo-posts.js';
import { addDemoBusinesses } from './demo-businesses.js';
import { photoRef, readDemoPhoto } from './demo-photos.js';
import { createMediaService } from './media-service.js';
import { ensureNeighbourhoods } from './neighbourhood-setup.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;


export interface SeedOptions {
  /** Where photo bytes go: the database's own blob store unless given (S3, say). */
  blobs?: BlobStore;
  /** Where a photo the blob store refused is reported. */
  log?: (line: string) => void;
  /** Import only these districts' dongs (5-digit code prefixes), not all of Korea: for tests. */
  districts?: string[];
}

/**
 * Seeds the demo data unless a listing exists; answers how many listings it added. Photos are named
 * by hash, so a start cut short after some of them stores nothing twice the next time.
 */
export async function seedDemoData(store: Store, clock: Clock, options: SeedOptions = {}): Promise<number> {
  const { blobs = databaseBlobStore(store), log = (line) => console.error(line), districts } = options;
  await ensureNeighbourhoods(store, { districts });
  // Every start asks, under the start-up lock on PostgreSQL: the first live listing answers it.
  if (await store.listings.anyLive()) return 0;
  const now = clock.now();
  const places = new Map<string, NeighbourhoodRow>();
  for (const id of DEMO_PLACES) {
    const place = await store.neighbourhoods.byId(id);
    if (!place) throw new Error(`Demo neighbourhood ${id} is missing: neither a place nor an alias of one`);
    places.set(id, place);
  }
  const timeline = demoTimeline(now);

  // The people first: media rows name their uploader. A start cut short after this adds them again
  // never, since each is written whole (with their verifications) or not at all.
  await store.transaction(async (tx) => {
    for (const [i, neighbour] of DEMO_NEIGHBOURS.entries()) {
      const id = demoSellerId(neighbour.nickname);
      if (await tx.actors.byId(id)) continue;
      const joinedAt = now - neighbour.joinedDaysAgo * DAY;
      await tx.actors.insert({ id, nickname: neighbour.nickname, createdAt: joinedAt });
      // The demo's place ids are the old ones; the store answers each with the dong that replaced it.
      const home = places.get(neighbour.home)!.id;
      await tx.actorNeighbourhoods.set(id, [home], home, joinedAt);
      await recordVerifications(tx, id, i, neighbour, places.get(neighbour.home)!, timeline, now);
    }
  });

  // Then the photos, through the same checks and blob store as an upload from the app.
  const media = createMediaService(store, clock, blobs, log);
  const photoRefs = new Map<string, ListingPhoto>();
  for (const [, , , seller, , { photos }] of DEMO_LISTINGS) {
    const actor = { id: demoSellerId(seller), nickname: seller, joinedAt: 0 };
    for (const name of photos) {
      if (photoRefs.has(name)) continue;
      const photo = readDemoPhoto(name);
      await media.upload(actor, photo.full.hash, photo.full.bytes);
      await media.upload(actor, photo.thumb.hash, photo.thumb.bytes);
      photoRefs.set(name, photoRef(photo));
    }
  }

  return store.transaction(async (tx) => {
    // The board and the shops first, in the same transaction: a start cut short leaves none of it.
    await addDemoBoard(tx, places, now);
    await addDemoBusinesses(tx, places, now);
    // Oldest first, each listing's status and bump straight after it, so the change cursor's order
    // is the feed's.
    for (let index = DEMO_LISTINGS.length - 1; index >= 0; index--) {
      const [title, priceKrw, category, seller, description, details] = DEMO_LISTINGS[index];
      const neighbour = neighbourOf(seller);
      const place = places.get(neighbour.home)!;
      const { createdAt, bumpedAt } = timeline[index];
      const id = demoListingId(index);
      await tx.listings.insert({
        id,
        sellerId: demoSellerId(seller),
        title,
        description,
        priceKrw,
        category,
        neighbourhood: neighbourhoodLabel(place),
        neighbourhoodId: place.id,
        acceptsOffers: details.offers ?? false,
        meetingSpot: details.noSpot ? '' : neighbour.meetingSpot,
        photos: details.photos.map((name) => photoRefs.get(name)!),
        createdAt,
        changeSeq: await tx.sync.nextChangeSeq(),
      });
      if (details.status) {
        const at = bumpedAt + Math.min(6 * HOUR, Math.round((now - bumpedAt) / 2));
        await tx.listings.setStatus(id, details.status, at, await tx.sync.nextChangeSeq());
      }
      await addInterest(tx, index, id, seller, createdAt, now);
      if (bumpedAt !== createdAt) await tx.listings.bump(id, bumpedAt, await tx.sync.nextChangeSeq());
    }
    return DEMO_LISTINGS.length;
  });
}

/**
 * When each demo listing was posted and last put on top of the feed, index 0 the freshest: minutes
 * apart at the top, days apart further down, the oldest some three weeks back (a month, if bumped).
 */
export function demoTimeline(now: number): { createdAt: number; bumpedAt: number }[] {
  return DEMO_LISTINGS.map(([, , , , , details], i) => {
    const bumpedAt = now - Math.round((0.07 + 0.08 * i ** 2.2) * HOUR) - ((i * 37) % 23) * MINUTE;
    const createdAt = details.bumpedAfterDays ? bumpedAt - details.bumpedAfterDays * DAY - ((i * 53) % 300) * MINUTE : bumpedAt;
    return { createdAt, bumpedAt };
  });
}

/**
 * The demo posts, oldest first (so the change cursor's order is the board's), each followed by what
 * was said under it, spread between the post and now, and 공감 from neighbours of the same city.
 */
async function addDemoBoard(tx: Tx, places: Map<string, NeighbourhoodRow>, now: number): Promise<void> {
  let comments = 0;
  for (let index = DEMO_POSTS.length - 1; index >= 0; index--) {
    const demo = DEMO_POSTS[index];
    const home = neighbourOf(demo.by).home;
    const place = places.get(home)!;
    const createdAt = now - Math.round(demo.hoursAgo * HOUR);
    const postId = demoPostId(index);
    await tx.boardPosts.insert({
      id: postId,
      authorId: demoSellerId(demo.by),
      neighbourhoodId: place.id,
      neighbourhood: neighbourhoodLabel(place),
      topic: demo.topic,
      text: demo.text,
      photos: [],
      createdAt,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    // Comments in order, each followed by its replies (one level, as the board takes them).
    const said: { by: string; text: string; replyTo?: number }[] = [];
    for (const comment of demo.comments ?? []) {
      const at = said.push({ by: comment.by, text: comment.text }) - 1;
      for (const reply of comment.replies ?? []) said.push({ ...reply, replyTo: at });
    }
    const ids: string[] = [];
    for (const [n, line] of said.entries()) {
      ids.push(demoCommentId(++comments));
      await tx.boardComments.insert({
        id: ids[n],
        postId,
        parentId: line.replyTo === undefined ? null : ids[line.replyTo],
        authorId: demoSellerId(line.by),
        text: line.text,
        createdAt: createdAt + Math.round(((n + 1) / (said.length + 1)) * (now - createdAt)),
        changeSeq: await tx.sync.nextChangeSeq(),
      });
    }
    if (said.length > 0) await tx.boardPosts.recountComments(postId, await tx.sync.nextChangeSeq());
    const city = home.split('-').slice(0, 2).join('-');
    const others = DEMO_NEIGHBOURS.filter((n) => n.nickname !== demo.by && n.home.startsWith(city));
    for (let r = 0; r < Math.min(demo.reactions, others.length); r++) {
      const at = createdAt + Math.round(((r + 1) / (demo.reactions + 1)) * (now - createdAt));
      await tx.boardPosts.setReacted(demoSellerId(others[(index + r) % others.length].nickname), postId, true, at);
    }
    if (demo.reactions > 0) await tx.boardPosts.recountReactions(postId, await tx.sync.nextChangeSeq());
  }
}

/**
 * Likes from other demo neighbours and views from passers-by, more the longer a listing has been
 * up, so the feed reads "관심 3 · 조회 41" rather than a row of zeros. Views count one per viewer
 * per day, as the view route counts them, and move no change number.
 */
async function addInterest(tx: Tx, index: number, id: string, seller: string, createdAt: number, now: number): Promise<void> {
  const ageDays = (now - createdAt) / DAY;
  const likes = Math.min(9, ((index * 5) % 4) + Math.floor(ageDays / 3));
  const others = DEMO_NEIGHBOURS.filter((n) => n.nickname !== seller);
  for (let n = 0; n < likes; n++) {
    const liker = others[(index * 3 + n * 7) % others.length];
    await tx.listings.setLiked(demoSellerId(liker.nickname), id, true, createdAt + Math.round(((n + 1) / (likes + 1)) * (now - createdAt)));
  }
  if (likes > 0) await tx.listings.recountLikes(id, await tx.sync.nextChangeSeq());
  const views = 4 + ((index * 7) % 11) + Math.round(ageDays * 2.5);
  for (let v = 0; v < views; v++) {
    await tx.listings.recordView(id, `demo-visitor:${v}`, Math.floor((createdAt + ((v + 1) / (views + 1)) * (now - createdAt)) / DAY));
  }
}

function neighbourOf(nickname: string): DemoNeighbour {
  const neighbour = DEMO_NEIGHBOURS.find((n) => n.nickname === nickname);
  if (!neighbour) throw new Error(`Demo listing by "${nickname}", who is not in DEMO_NEIGHBOURS`);
  return neighbour;
}

/**
 * The neighbour's passed location checks, all at home: the days they verified, and a reading just
 * before each listing they posted (publishing with a fix verifies too), as the app would have sent.
 */
async function recordVerifications(
  tx: Tx,
  actorId: string,
  sellerIndex: number,
  neighbour: DemoNeighbour,
  place: NeighbourhoodRow,
  timeline: { createdAt: number }[],
  now: number,
): Promise<void> {
  const takenAts = neighbour.verifiedDaysAgo.map((days) => now - days * DAY - (5 + ((sellerIndex * 97) % 600)) * MINUTE);
  for (const [index, [, , , seller]] of DEMO_LISTINGS.entries()) {
    if (seller === neighbour.nickname) takenAts.push(timeline[index].createdAt - 2 * MINUTE);
  }
  for (const [n, takenAt] of takenAts.sort((a, b) => a - b).entries()) {
    await tx.verifications.record({ actorId, neighbourhoodId: place.id, fix: fixInside(place, sellerIndex * 31 + n, takenAt), verifiedAt: takenAt + 20_000 });
  }
}

/** A phone's reading near home: inside the neighbourhood, a few hundred metres from its centre. */
function fixInside(place: NeighbourhoodRow, seed: number, takenAt: number): Fix {
  const angle = (seed * 2.399963) % (2 * Math.PI);
  const distanceM = (place.radiusM ?? 300) * (0.1 + ((seed * 0.618034) % 1) * 0.4);
  const lat = place.lat + (Math.sin(angle) * distanceM) / 111_320;
  const lng = place.lng + (Math.cos(angle) * distanceM) / (111_320 * Math.cos((place.lat * Math.PI) / 180));
  return { lat: round(lat, 6), lng: round(lng, 6), accuracy: 8 + (seed % 28), takenAt };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Stable ids, so a reseeded demo database gives the same URLs. */
function demoListingId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

function demoPostId(index: number): string {
  return `00000000-0000-4000-9000-${String(index + 1).padStart(12, '0')}`;
}

function demoCommentId(n: number): string {
  return `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
}
