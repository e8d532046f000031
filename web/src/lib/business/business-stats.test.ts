// The dashboard's figures: fetched and kept with their time; offline, the last ones kept; a
// non-owner's request refused with the server's code, never shown someone else's figures.
import { describe, expect, it } from 'vitest';
import type { BusinessStats } from '@dongne/shared';
import { createApiClient } from '../api/api-client.js';
import type { DongneDb } from '../db/db.js';
import { useFreshDb } from '../db/test-db.js';
import { clickRate, formatWon, loadBusinessStats } from './business-stats.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const STATS: BusinessStats = { impressions: 4, clicks: 1, spendKrw: 100, budgetLeftKrw: 9_900, flaggedClicks: 2, days: [{ day: '2026-12-01', impressions: 4, clicks: 1, spendKrw: 100, flaggedClicks: 2 }] };
const answering = (status: number, body: unknown) => createApiClient({ fetch: async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }) });
const offline = createApiClient({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });

describe('the dashboard’s figures', () => {
  it('are kept with their time, and shown offline as the last ones', async () => {
    const fresh = await loadBusinessStats(db, 'b1', answering(200, STATS));
    expect(fresh).toMatchObject({ kind: 'fresh', stats: STATS });
    const later = await loadBusinessStats(db, 'b1', offline);
    expect(later).toEqual({ kind: 'offline', last: { stats: STATS, at: fresh.kind === 'fresh' ? fresh.at : 0 } });
    expect(await loadBusinessStats(db, 'b2', offline)).toEqual({ kind: 'offline', last: undefined });
  });

  it('say the server’s refusal to someone who is not the owner', async () => {
    const refused = await loadBusinessStats(db, 'b1', answering(403, { error: { code: 'business.not_owner', message: 'No' } }));
    expect(refused).toEqual({ kind: 'refused', code: 'business.not_owner' });
  });

  it('put a click rate and won in words', () => {
    expect(clickRate(1, 4, 'en')).toBe('25%');
    expect(clickRate(0, 0, 'en')).toBe('–');
    expect(formatWon(0, 'ko')).toBe('0원');
    expect(formatWon(12_500, 'en')).toBe('₩12,500');
  });
});
