// Opening a business or a campaign on the owner's device, a refusal kept with its reason, and pulled rows landing.
import { afterEach, describe, expect, it } from 'vitest';
import { DongneDb } from '../db/db.js';
import { setMeta } from '../db/meta.js';
import { applyBusinessCreate, applyCampaignCreate, applyPulledBusinesses, rejectBusinessCreate } from './business-apply.js';
import { withdrawBusinessLifeWork } from './business-life-withdraw.js';
import { BUSINESS_PROFILE_BLANK, type Business, type Campaign, type PullResponse } from '@dongne/shared';

let db: DongneDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

async function freshDb() {
  db = new DongneDb(`business-apply-${n++}`);
  await setMeta(db, 'actorId', 'owner-1');
  return db;
}

const business = (over: Partial<Business> = {}): Business => ({
  id: '0b9c1f4e-7d1a-4c3e-9a55-2f0a1b2c3d4e',
  ownerId: 'owner-1',
  name: '행복빵집',
  category: 'bakery',
  neighbourhoodId: 'sunae',
  neighbourhood: '수내동',
  createdAt: 1,
  ...BUSINESS_PROFILE_BLANK,
  photos: [],
  ...over,
});

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: '5a1f2e3d-4c5b-4a69-8877-665544332211',
  businessId: business().id,
  businessName: '행복빵집',
  ownerId: 'owner-1',
  title: '갓 구운 소금빵',
  text: '',
  neighbourhoodId: 'sunae',
  rangeLevel: 2,
  places: ['sunae', 'jeongja'],
  dailyBudgetKrw: 10_000,
  pricePerClickKrw: 100,
  pricePerThousandImpressionsKrw: 0,
  serving: true,
  createdAt: 1,
  ...over,
});

const page = (changes: PullResponse['changes']) => ({ changes }) as PullResponse;

describe('a business opened on this device', () => {
  it('shows at once as the owner\'s, and a refusal keeps it with the reason', async () => {
    await freshDb();
    const args = { id: business().id, name: '행복빵집', category: 'bakery' as const, neighbourhoodId: 'sunae' };
    await applyBusinessCreate(db, args, 50);
    expect(await db.businesses.get(args.id)).toMatchObject({ ownerId: 'owner-1', name: '행복빵집', local: true, createdAt: 50 });
    await rejectBusinessCreate(db, args, { code: 'verification.outside', message: 'Not inside 수내동' });
    // Re-applied over a later pull, the refused row stands as it is.
    await applyBusinessCreate(db, args, 60);
    expect(await db.businesses.get(args.id)).toMatchObject({ failed: { code: 'verification.outside' }, createdAt: 50 });
  });

  it('gives way to the server\'s row once pulled', async () => {
    await freshDb();
    await applyBusinessCreate(db, { id: business().id, name: '행복빵집', category: 'bakery', neighbourhoodId: 'sunae' }, 50);
    await applyPulledBusinesses(db, page([{ op: 'upsert', entity: 'business', row: business() }]));
    await applyBusinessCreate(db, { id: business().id, name: 'changed', category: 'bakery', neighbourhoodId: 'sunae' }, 70);
    expect(await db.businesses.get(business().id)).toEqual(business());
  });
});

describe('pulled businesses and campaigns', () => {
  it('land, turn off serving when the server says so, and leave with their business', async () => {
    await freshDb();
    await applyPulledBusinesses(db, page([
      { op: 'upsert', entity: 'business', row: business() },
      { op: 'upsert', entity: 'campaign', row: campaign() },
    ]));
    expect(await db.campaigns.count()).toBe(1);
    await applyPulledBusinesses(db, page([{ op: 'upsert', entity: 'campaign', row: campaign({ serving: false }) }]));
    expect((await db.campaigns.get(campaign().id))?.serving).toBe(false);
    await applyPulledBusinesses(db, page([{ op: 'delete', entity: 'business', id: business().id }]));
    expect(await db.businesses.count()).toBe(0);
    expect(await db.campaigns.count()).toBe(0);
  });

  it('a campaign created here is shown nowhere until the server names its places', async () => {
    await freshDb();
    await applyPulledBusinesses(db, page([{ op: 'upsert', entity: 'business', row: business() }]));
    await applyCampaignCreate(db, { id: campaign().id, businessId: business().id, title: '소금빵', text: '', rangeLevel: 2, dailyBudgetKrw: 5000, pricePerClickKrw: 100 }, 80);
    expect(await db.campaigns.get(campaign().id)).toMatchObject({ businessName: '행복빵집', places: [], serving: false, local: true });
  });
});

describe('signing out', () => {
  it('takes the person\'s waiting and refused businesses and campaigns off the device, and leaves the server\'s', async () => {
    await freshDb();
    const waiting = { id: '1d5c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: '새 가게', category: 'cafe' as const, neighbourhoodId: 'sunae' };
    const refused = { ...waiting, id: '2e6d3c4b-5f6a-4b7c-9d8e-0f1a2b3c4d5e', name: '거절된 가게' };
    await applyPulledBusinesses(db, page([{ op: 'upsert', entity: 'business', row: business() }, { op: 'upsert', entity: 'campaign', row: campaign() }]));
    await applyBusinessCreate(db, waiting, 10);
    await applyBusinessCreate(db, refused, 11);
    await rejectBusinessCreate(db, refused, { code: 'verification.outside', message: 'Not inside' });
    await applyCampaignCreate(db, { id: '3f7e4d5c-6a7b-4c8d-8e9f-1a2b3c4d5e6f', businessId: business().id, title: '쿠폰', text: '', rangeLevel: 1, dailyBudgetKrw: 5000, pricePerClickKrw: 100 }, 12);
    await withdrawBusinessLifeWork(db, 'owner-1');
    expect((await db.businesses.toArray()).map((b) => b.id)).toEqual([business().id]);
    expect((await db.campaigns.toArray()).map((c) => c.id)).toEqual([campaign().id]);
  });
});
