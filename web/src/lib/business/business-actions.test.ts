// The owner's actions on the device: a business opened with its reading, refused and tried again
// or let go; a campaign checked with the shared schema field by field; an ad ended, or not.
import { AD_LIMITS } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import type { DongneDb } from '../db/db.js';
import { setMeta } from '../db/meta.js';
import { useFreshDb } from '../db/test-db.js';
import { rejectLocally } from '../sync/local-settle.js';
import { endCampaign, letGoOfBusiness, openBusiness, retryBusiness, startCampaign } from './business-actions.js';
import { applyPulledBusinesses } from './business-apply.js';
import { campaignProblem } from './campaign-problems.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const FIX = { lat: 37.378, lng: 127.113, accuracy: 20, takenAt: 1_000 };
const typed = (over = {}) => ({ businessId: crypto.randomUUID(), title: '갓 구운 소금빵', text: '', rangeLevel: 2, dailyBudgetKrw: '10,000', pricing: 'click' as const, priceKrw: '', ...over });

describe('opening a business', () => {
  it('queues it with the reading taken at the shop and shows it at once, waiting', async () => {
    await setMeta(db, 'actorId', 'owner');
    const opened = await openBusiness(db, { name: ' 행복빵집 ', category: 'bakery', neighbourhoodId: 'kr-bundang-sunae' }, FIX);
    expect(opened.ok).toBe(true);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ name: 'business.create', fix: FIX, args: { name: '행복빵집' } });
    expect(await db.businesses.get(entry.entityId)).toMatchObject({ name: '행복빵집', local: true, ownerId: 'owner' });
  });

  it('refuses here what the server would, by field', async () => {
    const result = await openBusiness(db, { name: '', category: 'spaceship', neighbourhoodId: 'kr-bundang-sunae' }, FIX);
    expect(result).toMatchObject({ ok: false, fields: { name: expect.any(String), category: expect.any(String) } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a refused one with why, sends it again under the same id with a new reading, or lets it go', async () => {
    await setMeta(db, 'actorId', 'owner');
    const opened = await openBusiness(db, { name: '행복빵집', category: 'bakery', neighbourhoodId: 'kr-bundang-sunae' }, FIX);
    if (!opened.ok) throw new Error('not opened');
    const [entry] = await db.outbox.toArray();
    await db.outbox.delete(entry.seq);
    await rejectLocally(db, 'business.create', entry.args as never, { code: 'location.too_far', message: 'Too far' }, 'owner');
    expect((await db.businesses.get(opened.id))?.failed).toEqual({ code: 'location.too_far', message: 'Too far' });

    const later = { ...FIX, takenAt: 2_000 };
    expect(await retryBusiness(db, opened.id, later)).toBe(true);
    const [again] = await db.outbox.toArray();
    expect(again).toMatchObject({ name: 'business.create', fix: later, args: { id: opened.id } });
    expect((await db.businesses.get(opened.id))?.failed).toBeUndefined();

    await db.outbox.delete(again.seq);
    await rejectLocally(db, 'business.create', again.args as never, { code: 'business.limit', message: 'Limit' }, 'owner');
    await letGoOfBusiness(db, opened.id);
    expect(await db.businesses.get(opened.id)).toBeUndefined();
  });
});

describe('starting a campaign', () => {
  it('charges 100원 a click unless told, and reads the won as typed', async () => {
    await setMeta(db, 'actorId', 'owner');
    const result = await startCampaign(db, typed());
    expect(result.ok).toBe(true);
    const [entry] = await db.outbox.toArray();
    expect(entry.args).toMatchObject({ dailyBudgetKrw: 10_000, pricePerClickKrw: AD_LIMITS.defaultPricePerClickKrw });
  });

  it('names each field the schema refuses, and says it in the person’s words', async () => {
    const result = await startCampaign(db, typed({ title: '', rangeLevel: undefined, dailyBudgetKrw: '12.5', priceKrw: '10' }));
    if (result.ok) throw new Error('accepted');
    expect(Object.keys(result.fields).toSorted()).toEqual(['dailyBudgetKrw', 'pricePerClickKrw', 'rangeLevel', 'title']);
    expect(campaignProblem('title', result.fields.title, { title: '' })).toBe('Give the ad a title.');
    expect(campaignProblem('pricePerClickKrw', result.fields.pricePerClickKrw, { title: '' })).toContain('50');
    const dear = await startCampaign(db, typed({ dailyBudgetKrw: '1000', priceKrw: '2000' }));
    if (dear.ok) throw new Error('accepted');
    expect(campaignProblem('dailyBudgetKrw', dear.fields.dailyBudgetKrw, { title: 'x' })).toBe('The daily budget must cover at least one click.');
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends a price per thousand impressions, and only that, when the owner pays per impression', async () => {
    await setMeta(db, 'actorId', 'owner');
    const blank = await startCampaign(db, typed({ pricing: 'impressions', priceKrw: '' }));
    if (blank.ok) throw new Error('accepted');
    expect(Object.keys(blank.fields)).toEqual(['pricePerThousandImpressionsKrw']);
    const cheap = await startCampaign(db, typed({ pricing: 'impressions', priceKrw: '100' }));
    if (cheap.ok) throw new Error('accepted');
    expect(campaignProblem('pricePerThousandImpressionsKrw', cheap.fields.pricePerThousandImpressionsKrw, { title: 'x' })).toBe(
      'The price per 1,000 impressions is a whole number of won from 500 to 20,000.',
    );
    const result = await startCampaign(db, typed({ pricing: 'impressions', priceKrw: '2,500원' }));
    expect(result.ok).toBe(true);
    const [entry] = await db.outbox.toArray();
    expect(entry.args).toEqual(expect.objectContaining({ pricePerThousandImpressionsKrw: 2_500 }));
    expect(entry.args).not.toHaveProperty('pricePerClickKrw');
    // Shown on the owner's device at once, priced as sent.
    expect(await db.campaigns.get(entry.entityId)).toMatchObject({ pricePerClickKrw: 0, pricePerThousandImpressionsKrw: 2_500, local: true });
  });
});

describe('ending a campaign', () => {
  const row = { id: crypto.randomUUID(), businessId: 'b', businessName: 'Shop', ownerId: 'owner', title: 'Ad', text: '', neighbourhoodId: 'n', rangeLevel: 1, places: ['n'], dailyBudgetKrw: 1000, pricePerClickKrw: 100, pricePerThousandImpressionsKrw: 0, serving: true, createdAt: 1 };

  it('takes it out of the feed at once, puts it back if refused, and drops it when the pull says so', async () => {
    await setMeta(db, 'actorId', 'owner');
    await db.campaigns.put(row);
    await endCampaign(db, row.id);
    expect((await db.campaigns.get(row.id))?.ending).toBe(true);
    await rejectLocally(db, 'campaign.end', { id: row.id }, { code: 'business.not_owner', message: 'No' }, 'owner');
    expect((await db.campaigns.get(row.id))?.ending).toBeUndefined();
    await applyPulledBusinesses(db, { changes: [{ entity: 'campaign', op: 'delete', id: row.id }] } as never);
    expect(await db.campaigns.get(row.id)).toBeUndefined();
  });
});
