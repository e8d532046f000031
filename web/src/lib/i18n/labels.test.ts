import { CATEGORIES, LISTING_STATUSES } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import { app_category, app_listing_status } from '../paraglide/messages.js';

describe('labels', () => {
  it('every category has its own words in both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      const words = CATEGORIES.map((c) => app_category({ id: c.id }, { locale }));
      expect(new Set(words).size, locale).toBe(CATEGORIES.length);
    }
    expect(app_category({ id: 'furniture' }, { locale: 'ko' })).toBe('가구/인테리어');
    expect(app_category({ id: 'digital' }, { locale: 'en' })).toBe('Digital devices');
  });

  it('every status has its own words in both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      expect(new Set(LISTING_STATUSES.map((status) => app_listing_status({ status }, { locale }))).size, locale).toBe(LISTING_STATUSES.length);
    }
    expect(app_listing_status({ status: 'reserved' }, { locale: 'ko' })).toBe('예약중');
  });
});
