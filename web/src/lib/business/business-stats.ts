// A business's figures for its dashboard: fetched from the server (counted there, once per event),
// kept on the device with their time so the dashboard shows the last ones offline.
import { businessStatsSchema, type BusinessStats } from '@dongne/shared';
import { api, ApiOffline, ApiRefusal, ApiUnreadable, type ApiClient } from '../api/api-client.js';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { intlLocale } from '../i18n/locale.js';

export type StatsAnswer =
  | { kind: 'fresh'; stats: BusinessStats; at: number }
  /** No connection: the last figures this device had, if any, and when they were fetched. */
  | { kind: 'offline'; last?: { stats: BusinessStats; at: number } }
  | { kind: 'refused'; code: string };

export async function loadBusinessStats(db: DongneDb, businessId: string, client: ApiClient = api): Promise<StatsAnswer> {
  try {
    const stats = await client.json(`/api/businesses/${encodeURIComponent(businessId)}/stats`, businessStatsSchema);
    const at = Date.now();
    await setMeta(db, 'businessStats', { ...((await getMeta(db, 'businessStats')) ?? {}), [businessId]: { stats, at } });
    return { kind: 'fresh', stats, at };
  } catch (error) {
    if (error instanceof ApiRefusal && error.fromServer) return { kind: 'refused', code: error.code };
    if (error instanceof ApiOffline || error instanceof ApiUnreadable || error instanceof ApiRefusal) {
      return { kind: 'offline', last: (await getMeta(db, 'businessStats'))?.[businessId] };
    }
    throw error;
  }
}

/** Clicks per impression, as a percentage with one decimal ('–' before any impression). */
export function clickRate(clicks: number, impressions: number, locale = intlLocale()): string {
  if (impressions === 0) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(clicks / impressions);
}

/** An amount of won, zero included (a price's formatter says "Free" for zero). */
export function formatWon(krw: number, locale = intlLocale()): string {
  const grouped = new Intl.NumberFormat('en-US').format(krw);
  return locale.toLowerCase().startsWith('ko') ? `${grouped}원` : `₩${grouped}`;
}
