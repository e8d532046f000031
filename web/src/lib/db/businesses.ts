// A business's life as screens read it from the replica: the area's businesses nearest area first
// (by category), one profile with its posts, reviews and the person's follow and review, the
// followed businesses' posts, and the search screen's businesses — all offline.
import Dexie from 'dexie';
import { averageStars, searchWords, type BusinessCategory } from '@dongne/shared';
import type { DongneDb, LocalBusiness, LocalBusinessPost, LocalBusinessReview } from './db.js';
import { currentOwner, getMeta } from './meta.js';
import { currentScope } from './scope.js';

/** How far a place is from the person's neighbourhood: 1 is their own, up to 4; 5 beyond their range. */
async function ringsOf(db: DongneDb): Promise<{ places: string[] | undefined; ring: (place: string) => number }> {
  const current = await currentScope(db);
  if (!current) return { places: undefined, ring: () => 1 };
  const home = await db.neighbourhoods.get(current.scope.neighbourhoodId);
  const levels = home?.neighbours;
  const ring = (place: string) => {
    if (place === current.scope.neighbourhoodId) return 1;
    for (const level of [1, 2, 3, 4]) if (levels?.[level]?.includes(place)) return level;
    return 5;
  };
  const places = levels?.[current.scope.range] ?? (current.scope.range === 1 || !levels ? [current.scope.neighbourhoodId] : undefined);
  return { places, ring };
}

export interface NearbyBusiness {
  business: LocalBusiness;
  /** 1 in the person's own neighbourhood, up to 4 at the edge of their range. */
  ring: number;
  average: number | null;
}

/** The area's businesses (and the person's own), nearest area first, then by name; of one category or all. */
export async function nearbyBusinesses(db: DongneDb, category?: BusinessCategory): Promise<NearbyBusiness[]> {
  const [{ places, ring }, me] = await Promise.all([ringsOf(db), currentOwner(db)]);
  const inArea = places
    ? (await Promise.all(places.map((place) => db.businesses.where('neighbourhoodId').equals(place).toArray()))).flat()
    : await db.businesses.toArray();
  const mine = me ? await db.businesses.where('ownerId').equals(me).toArray() : [];
  const byId = new Map([...inArea, ...mine].map((b) => [b.id, b]));
  return [...byId.values()]
    .filter((b) => !b.failed && (!category || b.category === category))
    .map((business) => ({ business, ring: ring(business.neighbourhoodId), average: averageStars(business.starSum, business.reviewCount) }))
    .sort((a, b) => a.ring - b.ring || a.business.name.localeCompare(b.business.name, 'ko'));
}

export interface BusinessProfileView {
  business: LocalBusiness;
  isOwner: boolean;
  signedIn: boolean;
  following: boolean;
  /** The server's count with this person's waiting follow or unfollow added. */
  followerCount: number;
  posts: LocalBusinessPost[];
  reviews: LocalBusinessReview[];
  mine: LocalBusinessReview | undefined;
  reviewCount: number;
  average: number | null;
}

const newestFirst = <T extends { createdAt: number; id: string }>(a: T, b: T) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);

/** One business's profile as this device knows it; undefined if it does not have it. */
export async function businessProfile(db: DongneDb, id: string): Promise<BusinessProfileView | undefined> {
  const business = await db.businesses.get(id);
  if (!business) return undefined;
  const [me, followed, serverFollowed] = await Promise.all([currentOwner(db), getMeta(db, 'followedBusinessIds'), getMeta(db, 'serverFollowedBusinessIds')]);
  const following = (followed ?? []).includes(id);
  const before = (serverFollowed ?? []).includes(id);
  const posts = (await db.businessPosts.where('[businessId+createdAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray())
    .filter((p) => !p.deletedHere)
    .sort(newestFirst);
  const reviews = (await db.businessReviews.where('[businessId+createdAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()).sort((a, b) => (b.editedAt ?? b.createdAt) - (a.editedAt ?? a.createdAt));
  const mine = me ? reviews.find((r) => r.authorId === me) : undefined;
  // The person's review waiting to sync counts at once: in place of the server's one it replaces, or as one more.
  let { reviewCount, starSum } = business;
  if (mine?.local) {
    if (mine.base) starSum += mine.stars - mine.base.stars;
    else {
      reviewCount += 1;
      starSum += mine.stars;
    }
  }
  return {
    business,
    isOwner: !!me && business.ownerId === me,
    signedIn: !!me,
    following,
    followerCount: Math.max(0, business.followerCount + (following === before ? 0 : following ? 1 : -1)),
    posts,
    reviews,
    mine,
    reviewCount,
    average: averageStars(starSum, reviewCount),
  };
}

/** The newest posts of the businesses the person follows. */
export async function followedPosts(db: DongneDb, limit: number): Promise<LocalBusinessPost[]> {
  const followed = (await getMeta(db, 'followedBusinessIds')) ?? [];
  if (followed.length === 0) return [];
  const posts = await Promise.all(
    followed.map((id) => db.businessPosts.where('[businessId+createdAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).reverse().limit(limit).toArray()),
  );
  return posts
    .flat()
    .filter((p) => !p.deletedHere)
    .sort(newestFirst)
    .slice(0, limit);
}

/** The area's businesses whose name, description or address holds every word of `q`: search's Shops tab, offline. */
export async function searchBusinesses(db: DongneDb, q: string): Promise<NearbyBusiness[]> {
  const words = searchWords(q);
  const all = await nearbyBusinesses(db);
  return all.filter(({ business: b }) => {
    const text = `${b.name}\n${b.description}\n${b.address}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
