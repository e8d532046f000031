// Which ads a feed page shows: only campaigns serving where the person browses, never their own,
// under the per-person daily cap, each campaign getting its turn before any is shown again.
import { AD_LIMITS } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import type { LocalCampaign } from '../db/db.js';
import { LISTINGS_BETWEEN_ADS } from './ad-spacing.js';
import { chooseAds, type AdChoiceInput } from './choose-ads.js';

const campaign = (id: string, over: Partial<LocalCampaign> = {}): LocalCampaign => ({
  id,
  businessId: `b-${id}`,
  businessName: '행복빵집',
  ownerId: 'shop-owner',
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

const input = (campaigns: LocalCampaign[], over: Partial<AdChoiceInput> = {}): AdChoiceInput => ({
  campaigns,
  area: 'sunae',
  viewerId: 'neighbour',
  shownToday: new Map(),
  slots: 3,
  seed: 'neighbour:2026-12-01',
  ...over,
});

const ids = (chosen: LocalCampaign[]) => chosen.map((c) => c.id);

describe('choosing ads for a feed page', () => {
  it('puts an ad after every nine listings: at most one card in ten', () => {
    expect(LISTINGS_BETWEEN_ADS).toBe(AD_LIMITS.feedSpacing - 1);
  });

  it('shows only campaigns serving whose target covers the area, and none of the viewer’s own', () => {
    const chosen = chooseAds(
      input([
        campaign('ok'),
        campaign('elsewhere', { places: ['pangyo'] }),
        campaign('spent', { serving: false }),
        campaign('mine', { ownerId: 'neighbour' }),
        campaign('refused', { failed: { code: 'business.not_owner', message: '' } }),
        campaign('ending', { ending: true }),
        campaign('unsynced', { local: true }),
      ]),
    );
    expect(ids(chosen)).toEqual(['ok']);
  });

  it('stops showing a campaign to a person once they saw it the day’s allowed times', () => {
    const shownToday = new Map([['a', AD_LIMITS.impressionsPerPersonPerDay]]);
    expect(ids(chooseAds(input([campaign('a'), campaign('b')], { shownToday })))).toEqual(['b']);
  });

  it('puts the ads a person saw least today first, so each gets its turn', () => {
    const all = [campaign('a'), campaign('b'), campaign('c')];
    const first = chooseAds(input(all, { slots: 1 }))[0].id;
    const second = chooseAds(input(all, { slots: 1, shownToday: new Map([[first, 1]]) }))[0].id;
    const third = chooseAds(input(all, { slots: 1, shownToday: new Map([[first, 1], [second, 1]]) }))[0].id;
    expect(new Set([first, second, third]).size).toBe(3);
  });

  it('chooses distinct campaigns, no more than the slots, and a longer page keeps the first choices', () => {
    const all = Array.from({ length: 10 }, (_, i) => campaign(`c${i}`));
    const two = ids(chooseAds(input(all, { slots: 2 })));
    const five = ids(chooseAds(input(all, { slots: 5 })));
    expect(five.slice(0, 2)).toEqual(two);
    expect(new Set(five).size).toBe(5);
    expect(chooseAds(input(all, { slots: 0 }))).toEqual([]);
  });

  it('orders equals differently for different people, so no campaign always comes first', () => {
    const all = Array.from({ length: 20 }, (_, i) => campaign(`c${i}`));
    const firsts = new Set(Array.from({ length: 20 }, (_, i) => chooseAds(input(all, { slots: 1, seed: `person-${i}:day` }))[0].id));
    expect(firsts.size).toBeGreaterThan(3);
  });
});
