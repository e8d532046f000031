// Synthetic listings for the search and offline benchmarks: the demo listings' titles and
// descriptions in Korean and English, varied the way sellers vary them, with the status, bumps and
// hidden rows a real area has. Seeded, so every run searches the same data.
import type { CategoryId, Listing } from '@dongne/shared';
import { DEMO_LISTINGS, DEMO_SELLERS } from '../server/src/services/demo-listings.js';
import type { Store } from '../server/src/store/contract/store.js';

export const DAY = 86_400_000;
/** Listings are spread over this long before the benchmark's "now". */
export const HISTORY_MS = 180 * DAY;
export const SELLERS = 400;

export interface Place {
  id: string;
  /** Display name, as `neighbourhoodLabel` gives it. */
  label: string;
}

const KO_PREFIXES = ['', '', '', '', '[급처] ', 'S급 ', '새상품 ', '미개봉 ', '정품 ', '거의 새것 '];
const KO_SUFFIXES = ['', '', '', ' 팝니다', ' 판매해요', ' 직거래', ' 택배가능', ' 네고가능', ' (상태 최상)', ' 급처분'];
const EN_PREFIXES = ['', '', '', '', 'Like new: ', 'Barely used ', 'Moving sale: ', 'Genuine '];
const EN_SUFFIXES = ['', '', '', ' — like new', ', pick-up only', ' (negotiable)', ', great condition', ' + extras'];
const KO_LINES = [
  '직거래 선호합니다.',
  '네고 가능해요.',
  '택배 거래도 가능합니다 (택배비 별도).',
  '비흡연, 반려동물 없는 집이에요.',
  '평일 저녁 7시 이후 거래 가능합니다.',
  '사진에 보이는 게 전부예요.',
  '박스 없이 본품만 드려요.',
  '교환은 안 받아요.',
  '역 근처에서 만나요.',
  '문의 주시면 바로 답장 드려요.',
];
const EN_LINES = [
  'Pick-up near the station.',
  'Price is firm, no holds.',
  'Message me any time after 6 pm.',
  'Cash or bank transfer.',
  'Smoke-free, pet-free home.',
  'Can deliver within the neighbourhood for a small fee.',
  'Original box and receipt included.',
  'Happy to answer questions.',
];
const MEETING_SPOTS = ['', '', '', 'Community centre', '역 2번 출구', 'GS25 앞', 'Apartment gate', '주민센터 앞'];

const hangul = /[\uac00-\ud7a3]/;

/** `count` listings over `places`, posted over HISTORY_MS before `now`, oldest first. */
export function syntheticListings(count: number, places: Place[], now: number, random: () => number): Listing[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const start = now - HISTORY_MS;
  return Array.from({ length: count }, (_, i) => {
    const [title, basePrice, category, , description] = pick(DEMO_LISTINGS);
    const korean = hangul.test(title);
    const place = pick(places);
    const seller = Math.floor(random() * SELLERS);
    const createdAt = start + Math.floor((i * HISTORY_MS) / count);
    // One in five was bumped later, up to a week on.
    const bumpedAt = random() < 0.2 ? Math.min(now - 60_000, createdAt + Math.floor(random() * 7 * DAY)) : createdAt;
    // Mostly in the title's language, sometimes the other.
    const lines = Array.from({ length: Math.floor(random() * 4) }, () => pick(korean !== random() < 0.3 ? KO_LINES : EN_LINES));
    const roll = random();
    return {
      id: uuidFrom(random),
      sellerId: sellerId(seller),
      sellerName: sellerName(seller),
      title: korean ? `${pick(KO_PREFIXES)}${title}${pick(KO_SUFFIXES)}` : `${pick(EN_PREFIXES)}${title}${pick(EN_SUFFIXES)}`,
      description: [description, ...lines].join(' '),
      priceKrw: basePrice === 0 ? 0 : Math.round((basePrice * (0.6 + random() * 0.8)) / 1000) * 1000,
      category: category as CategoryId,
      neighbourhood: place.label,
      neighbourhoodId: place.id,
      acceptsOffers: random() < 0.3,
      meetingSpot: pick(MEETING_SPOTS),
      photos: [],
      status: roll < 0.8 ? 'selling' : roll < 0.86 ? 'reserved' : 'sold',
      hidden: random() < 0.02,
      createdAt,
      updatedAt: bumpedAt,
      bumpedAt,
      lastBumpedAt: bumpedAt > createdAt ? bumpedAt : null,
      editedAt: null,
      likeCount: Math.floor(random() * random() * 30),
      viewCount: Math.floor(random() * 400),
    };
  });
}

/**
 * Writes `listings` (from syntheticListings) and their sellers through the store in one
 * transaction, each status, hide and bump as a change of its own, as the app would have made them.
 */
export async function storeListings(store: Store, listings: Listing[], now: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let n = 0; n < SELLERS; n++) {
      if (!(await tx.actors.byId(sellerId(n)))) await tx.actors.insert({ id: sellerId(n), nickname: sellerName(n), createdAt: now - HISTORY_MS });
    }
    for (const listing of listings) {
      await tx.listings.insert({ ...listing, changeSeq: await tx.sync.nextChangeSeq() });
      if (listing.status !== 'selling') await tx.listings.setStatus(listing.id, listing.status, listing.updatedAt, await tx.sync.nextChangeSeq());
      if (listing.hidden) await tx.listings.setHidden(listing.id, true, listing.updatedAt, await tx.sync.nextChangeSeq());
      if (listing.bumpedAt !== listing.createdAt) await tx.listings.bump(listing.id, listing.bumpedAt, await tx.sync.nextChangeSeq());
    }
  });
}

export const sellerId = (n: number) => `bench-seller-${n}`;
export const sellerName = (n: number) => `${DEMO_SELLERS[n % DEMO_SELLERS.length]} ${n}`;

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** mulberry32: the same synthetic data on every run, so figures compare across runs. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
