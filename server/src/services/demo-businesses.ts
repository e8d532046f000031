// Demo shops (비즈프로필) for a fresh install, so the near-me list and a shop's profile are alive
// from the first start: four demo neighbours run a shop in their own dong, with
// details, news and a coupon, 단골 and reviews from the neighbours around. No ads: a campaign spends
// a shop's money, so the feed shows one only once a real shop starts it.
import type { BusinessCategory, BusinessPostKind } from '@dongne/shared';
import { neighbourhoodLabel } from '@dongne/shared';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import type { Tx } from '../store/contract/store.js';
import { DEMO_NEIGHBOURS, demoSellerId } from './demo-listings.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface DemoShop {
  /** The demo neighbour who runs it, in their home dong. */
  owner: string;
  name: string;
  category: BusinessCategory;
  address: string;
  hours: string;
  phone: string;
  description: string;
  openedDaysAgo: number;
  posts: readonly { kind: BusinessPostKind; title: string; text: string; hoursAgo: number; validForDays?: number }[];
  reviews: readonly { by: string; stars: number; text: string; daysAgo: number }[];
  followers: readonly string[];
}

export const DEMO_SHOPS: readonly DemoShop[] = [
  {
    owner: '정자동주민',
    name: '정자동 소금빵 베이커리',
    category: 'bakery',
    address: '성남시 분당구 정자일로 121, 1층',
    hours: '월–토 8:00–20:00\n일요일 휴무',
    phone: '031-714-2231',
    description: '매일 아침 직접 굽는 소금빵과 바게트. 정자역 3번 출구에서 2분이에요.',
    openedDaysAgo: 400,
    posts: [
      { kind: 'coupon', title: '바게트 반값 쿠폰', text: '이번 주 토요일까지, 계산할 때 이 화면을 보여 주세요.', hoursAgo: 5, validForDays: 5 },
      { kind: 'news', title: '8시 첫 빵 나왔어요', text: '오늘은 올리브 치아바타도 구웠어요. 오전 중에 동나요!', hoursAgo: 30 },
    ],
    reviews: [
      { by: '수내댁', stars: 5, text: '소금빵이 정말 맛있어요. 아침 일찍 가야 있어요!', daysAgo: 3 },
      { by: 'Minji K.', stars: 4, text: 'Great baguette, a bit of a queue on Saturday mornings.', daysAgo: 12 },
      { by: '탄천러너', stars: 5, text: '운동 끝나고 들르는 단골집이에요.', daysAgo: 20 },
    ],
    followers: ['수내댁', 'Minji K.', '탄천러너', '서현아빠'],
  },
  {
    owner: '탄천러너',
    name: '탄천 자전거 수리',
    category: 'repair',
    address: '성남시 분당구 수내로 152',
    hours: '화–일 10:00–19:00\n월요일 휴무',
    phone: '031-712-0146',
    description: '펑크 수리 10분, 정비와 튜닝까지. 중고 자전거 사기 전에 점검도 해 드려요.',
    openedDaysAgo: 110,
    posts: [{ kind: 'news', title: '봄맞이 자전거 점검 시작', text: '브레이크, 체인, 타이어 공기압까지 한 번에 봐 드려요. 예약 없이 오셔도 돼요.', hoursAgo: 50 }],
    reviews: [{ by: '쌍둥이아빠', stars: 5, text: '아이 자전거 바퀴를 그 자리에서 고쳐 주셨어요. 친절하세요.', daysAgo: 6 }],
    followers: ['쌍둥이아빠', '수내댁'],
  },
  {
    owner: 'Sarah in Seohyeon',
    name: 'Sarah’s English Corner 사라 영어교실',
    category: 'academy',
    address: '성남시 분당구 서현로 180, 4층',
    hours: '월–금 15:00–21:00',
    phone: '031-707-5521',
    description: 'Small-group conversation classes for kids and adults. 초등·중등 회화 소그룹 수업, 원어민 강사와 함께해요.',
    openedDaysAgo: 300,
    posts: [{ kind: 'news', title: 'Summer classes open · 여름 특강 접수', text: 'Four weeks of reading and speaking, twice a week. 주 2회, 4주 과정이에요.', hoursAgo: 80 }],
    reviews: [
      { by: '서현아빠', stars: 4, text: '아이가 영어로 말하는 걸 좋아하게 됐어요.', daysAgo: 15 },
      { by: 'Daniel in Pangyo', stars: 5, text: 'Patient teachers and small classes.', daysAgo: 40 },
    ],
    followers: ['서현아빠'],
  },
  {
    owner: '판교토끼',
    name: '카페 토끼굴',
    category: 'cafe',
    address: '성남시 분당구 판교역로 10, 2층',
    hours: '매일 9:00–22:00',
    phone: '031-701-0042',
    description: '판교역 1번 출구 옆 작은 카페. 핸드드립과 당근 케이크가 있어요.',
    openedDaysAgo: 200,
    posts: [],
    reviews: [{ by: 'Daniel in Pangyo', stars: 4, text: 'Quiet place to work, good pour-over.', daysAgo: 9 }],
    followers: ['Daniel in Pangyo', '판교역출퇴근러'],
  },
];

const homeOf = (nickname: string) => {
  const neighbour = DEMO_NEIGHBOURS.find((n) => n.nickname === nickname);
  if (!neighbour) throw new Error(`Demo shop person "${nickname}" is not in DEMO_NEIGHBOURS`);
  return neighbour.home;
};

/** Stable ids, so a reseeded demo database gives the same URLs. */
export const demoBusinessId = (index: number) => `00000000-0000-4000-b000-${String(index + 1).padStart(12, '0')}`;
const demoBusinessPostId = (n: number) => `00000000-0000-4000-b100-${String(n).padStart(12, '0')}`;

/** Writes the demo shops, oldest change first, in the seed's transaction. */
export async function addDemoBusinesses(tx: Tx, places: Map<string, NeighbourhoodRow>, now: number): Promise<void> {
  let posts = 0;
  for (const [index, shop] of DEMO_SHOPS.entries()) {
    const place = places.get(homeOf(shop.owner))!;
    const id = demoBusinessId(index);
    const ownerId = demoSellerId(shop.owner);
    const openedAt = now - shop.openedDaysAgo * DAY;
    await tx.businesses.insert({
      id,
      ownerId,
      name: shop.name,
      category: shop.category,
      neighbourhoodId: place.id,
      neighbourhood: neighbourhoodLabel(place),
      createdAt: openedAt,
      changeSeq: await tx.sync.nextChangeSeq(),
    });
    const { address, hours, phone, description } = shop;
    await tx.businessProfiles.updateDetails(id, { address, hours, phone, description, photos: [] }, await tx.sync.nextChangeSeq());
    for (const follower of shop.followers) await tx.businessFollows.set(id, demoSellerId(follower), true, openedAt + DAY);
    if (shop.followers.length) await tx.businessProfiles.recountFollowers(id, await tx.sync.nextChangeSeq());
    for (const review of shop.reviews) {
      const reviewer = places.get(homeOf(review.by))!;
      await tx.businessReviews.put({
        businessId: id,
        authorId: demoSellerId(review.by),
        neighbourhoodId: reviewer.id,
        stars: review.stars,
        text: review.text,
        at: now - review.daysAgo * DAY,
        changeSeq: await tx.sync.nextChangeSeq(),
      });
    }
    if (shop.reviews.length) await tx.businessProfiles.recountReviews(id, await tx.sync.nextChangeSeq());
    // Oldest first, so the change cursor's order is the posts' own.
    for (const post of [...shop.posts].sort((a, b) => b.hoursAgo - a.hoursAgo)) {
      const createdAt = now - Math.round(post.hoursAgo * HOUR);
      await tx.businessPosts.insert({
        id: demoBusinessPostId(++posts),
        businessId: id,
        ownerId,
        neighbourhoodId: place.id,
        kind: post.kind,
        title: post.title,
        text: post.text,
        photos: [],
        validUntil: post.validForDays ? now + post.validForDays * DAY : null,
        createdAt,
        changeSeq: await tx.sync.nextChangeSeq(),
      });
    }
  }
}
