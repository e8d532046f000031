// A business's life on a test server: its owner's details and posts, neighbours' follows and
// reviews, and what each person's pull carries of them. Tests only.
import { randomUUID } from 'node:crypto';
import type { Business, BusinessPost, BusinessPostArgs, BusinessReview, PullResponse, RangeLevel } from '@dongne/shared';
import { pullAll, type Requester } from './harness.js';
import type { Person } from './trading.js';

/** What a device holds after pulling from the start: businesses, their posts and reviews, and whom it follows. */
export interface BusinessLifeView {
  businesses: Map<string, Business>;
  posts: Map<string, BusinessPost>;
  reviews: Map<string, BusinessReview>;
  dropped: Set<string>;
  followed: string[];
}

export function businessLifeViewOf(pages: PullResponse[]): BusinessLifeView {
  const view: BusinessLifeView = { businesses: new Map(), posts: new Map(), reviews: new Map(), dropped: new Set(), followed: pages[pages.length - 1].followedBusinessIds };
  const tables = { business: view.businesses, business_post: view.posts, business_review: view.reviews } as const;
  for (const change of pages.flatMap((page) => page.changes)) {
    if (change.entity !== 'business' && change.entity !== 'business_post' && change.entity !== 'business_review') continue;
    const table = tables[change.entity] as Map<string, unknown>;
    if (change.op === 'delete') {
      table.delete(change.id);
      view.dropped.add(change.id);
    } else table.set(change.row.id, change.row);
  }
  return view;
}

export async function businessLifeView(app: Requester, who: Pick<Person, 'cookie'> | undefined, scope: { neighbourhood?: string; range?: RangeLevel } = {}) {
  return businessLifeViewOf((await pullAll(app, who?.cookie, 0, undefined, scope)).pages);
}

export const postArgs = (businessId: string, overrides: Partial<BusinessPostArgs> = {}): BusinessPostArgs => ({
  id: randomUUID(),
  businessId,
  kind: 'coupon',
  title: '소금빵 2+1',
  text: '이번 주 금요일까지, 화면을 보여 주세요',
  photos: [],
  validUntil: null,
  ...overrides,
});
