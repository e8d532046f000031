// What is wrong with each field of a listing, in the person's language. The shared schema's own
// messages are English (for the server's logs and other clients); the form shows these instead,
// chosen by the field an issue is about and what the field holds.
import { LISTING_LIMITS, MEDIA_LIMITS } from '@dongne/shared';
import { parsePrice, type DraftFields } from '../db/drafts.js';
import { m } from '../paraglide/messages.js';

/** By field (the first part of the issue's path), `form` for the listing as a whole. */
export type FieldErrors = Record<string, string>;

function problem(field: string, fields: DraftFields): string {
  switch (field) {
    case 'title':
      return fields.title.trim().length > LISTING_LIMITS.titleMax ? m.editor_error_title_too_long({ max: LISTING_LIMITS.titleMax }) : m.editor_error_title_missing();
    case 'priceKrw': {
      const price = parsePrice(fields.price);
      if (price === undefined) return m.editor_error_price_missing();
      if (Number.isNaN(price)) return m.editor_error_price_not_number();
      return m.editor_error_price_too_high();
    }
    case 'category':
      return m.editor_error_category_missing();
    case 'description':
      return m.editor_error_description_too_long({ max: LISTING_LIMITS.descriptionMax });
    case 'meetingSpot':
      return m.editor_error_meeting_spot_too_long({ max: LISTING_LIMITS.meetingSpotMax });
    case 'photos':
      return m.editor_error_photos({ max: MEDIA_LIMITS.photosPerListing });
    case 'neighbourhoodId':
      return m.editor_error_neighbourhood_missing();
    case 'form':
      // The only problem with no field: the draft was published or deleted meanwhile.
      return m.editor_error_draft_gone();
    default:
      return m.editor_error_other();
  }
}

/** One message per field with a problem, from the issues `validateDraft` or `publishDraft` found. */
export function fieldErrors(issues: { path: string }[], fields: DraftFields): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] || 'form';
    errors[field] ??= problem(field, fields);
  }
  return errors;
}
