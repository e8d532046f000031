// Local businesses and their ads on a test server: opening a business from the shop (with a
// passing reading), creating campaigns, neighbours' phones sending the impressions and clicks they
// counted, and what pulls carry. Tests only.
import { randomUUID } from 'node:crypto';
import type { AdEvent, Business, BusinessCreateArgs, Campaign, CampaignCreateArgs, MutationResult, PullResponse, RangeLevel } from '@dongne/shared';
import { HOME } from './fixes.js';
import { device, mutation, pullAll, push, T0, type Requester, type TestServer } from './harness.js';
import type { Person } from './trading.js';

/** What a device holds after pulling from the start: businesses and campaigns by id. */
export interface AdsView {
  businesses: Map<string, Business>;
  campaigns: Map<string, Campaign>;
  /** Every business and campaign id the pull told the device to drop. */
  dropped: Set<string>;
  /** Where the device's next pull starts. */
  cursor: number;
}

export function adsViewOf(pages: PullResponse[]): AdsView {
  const view: AdsView = { businesses: new Map(), campaigns: new Map(), dropped: new Set(), cursor: pages[pages.length - 1].cursor };
  for (const change of pages.flatMap((page) => page.changes)) {
    if (change.op === 'delete' && (change.entity === 'business' || change.entity === 'campaign')) {
      view[change.entity === 'business' ? 'businesses' : 'campaigns'].delete(change.id);
      view.dropped.add(change.id);
    }
    if (change.op !== 'upsert') continue;
    if (change.entity === 'business') view.businesses.set(change.row.id, change.row);
    if (change.entity === 'campaign') view.campaigns.set(change.row.id, change.row);
  }
  return view;
}

/** What `who` (a visitor if undefined) holds after pulling everything now, in `scope` (the default area unless given). */
export async function adsView(app: Requester, who: Pick<Person, 'cookie'> | undefined, scope: { neighbourhood?: string; range?: RangeLevel } = {}): Promise<AdsView> {
  return adsViewOf((await pullAll(app, who?.cookie, 0, undefined, scope)).pages);
}

export const businessArgs = (overrides: Partial<BusinessCreateArgs> = {}): BusinessCreateArgs => ({
  id: randomUUID(),
  name: '수내 베이커리',
  category: 'bakery',
  neighbourhoodId: HOME,
  ...overrides,
});

export const campaignArgs = (businessId: string, overrides: Partial<CampaignCreateArgs> = {}): CampaignCreateArgs => ({
  id: randomUUID(),
  businessId,
  title: '갓 구운 소금빵 나왔어요',
  text: '매일 아침 8시, 수내역 2번 출구 앞',
  rangeLevel: 2,
  dailyBudgetKrw: 1000,
  pricePerClickKrw: 100,
  ...overrides,
});

/** Opens a business from `owner`'s phone with a passing reading taken there; answers its id. */
export async function openBusiness(server: TestServer, owner: Person, overrides: Partial<BusinessCreateArgs> = {}): Promise<string> {
  const args = businessArgs(overrides);
  const result = await owner.act('business.create', args, { fix: server.fixAt(args.neighbourhoodId) });
  if (result.status !== 'applied') throw new Error(`business.create: ${JSON.stringify(result)}`);
  return args.id;
}

/** Creates a campaign for `businessId` from `owner`'s phone; answers its id. */
export async function createCampaign(owner: Person, businessId: string, overrides: Partial<CampaignCreateArgs> = {}): Promise<string> {
  const args = campaignArgs(businessId, overrides);
  const result = await owner.act('campaign.create', args);
  if (result.status !== 'applied') throw new Error(`campaign.create: ${JSON.stringify(result)}`);
  return args.id;
}

/** An event counted on a device, at `at` (by default the test's start). */
export const adEvent = (campaignId: string, kind: AdEvent['kind'], at = T0, id: string = randomUUID()): AdEvent => ({ id, campaignId, kind, at });

/** Another phone of `who`'s (its own clientId, so its own daily click cap): sends batches of events. */
export function phoneOf(server: TestServer, who: Pick<Person, 'cookie'>) {
  const phone = device();
  return {
    clientId: phone.clientId,
    async send(events: AdEvent[]): Promise<MutationResult> {
      return (await push(server.app, who.cookie, phone.clientId, [mutation(phone.nextSeq(), 'ad.events', { events })])).results[0];
    },
  };
}

/** GET /api/businesses/:id/stats as `who` (a visitor if undefined). */
export function statsRequest(app: Requester, who: Pick<Person, 'cookie'> | undefined, businessId: string) {
  return app.request(`/api/businesses/${businessId}/stats`, { headers: who ? { cookie: who.cookie } : {} });
}
