// The form's messages: one per field with a problem, chosen by the field and what it holds.
import { describe, expect, it } from 'vitest';
import { LISTING_LIMITS } from '@dongne/shared';
import { EMPTY_DRAFT_FIELDS, validateDraft, type DraftFields } from '../db/drafts.js';
import { fieldErrors } from './field-errors.js';

const errorsFor = (fields: Partial<DraftFields>, neighbourhoodId = 'kr-bundang-sunae') => {
  const draft = { ...EMPTY_DRAFT_FIELDS, title: 'Lamp', category: 'household', price: '9000', ...fields } as DraftFields;
  const checked = validateDraft(draft, neighbourhoodId);
  return checked.ok ? {} : fieldErrors(checked.issues, draft);
};

describe('fieldErrors', () => {
  it('says what is missing', () => {
    expect(errorsFor({ title: ' ', category: '', price: '' }, '')).toEqual({
      title: 'Give your listing a title',
      category: 'Pick one of the listed categories',
      priceKrw: 'Set a price, or choose Free giveaway',
      neighbourhoodId: 'Choose your neighbourhood first',
    });
  });

  it('tells a price that is no number from one that is too high', () => {
    expect(errorsFor({ price: '9천원' })).toEqual({ priceKrw: 'Write the price in numbers, e.g. 15000' });
    expect(errorsFor({ price: String(LISTING_LIMITS.priceMaxKrw + 1) })).toEqual({ priceKrw: 'That price is too high' });
  });

  it('names the limit of a text that is too long', () => {
    expect(errorsFor({ description: 'x'.repeat(LISTING_LIMITS.descriptionMax + 1) })).toEqual({ description: 'Keep the description under 4000 characters' });
    expect(errorsFor({ meetingSpot: 'x'.repeat(LISTING_LIMITS.meetingSpotMax + 1) })).toEqual({ meetingSpot: 'Keep the meeting spot under 100 characters' });
  });

  it('needs no price for a free giveaway', () => {
    expect(errorsFor({ category: 'free', price: '' })).toEqual({});
  });
});
