// The campaign form's errors in the person's language: the shared schema says which field failed
// and why (in English, for logs and the API); this says the same to the person, field by field.
import { AD_LIMITS } from '@dongne/shared';
import { m } from '../paraglide/messages.js';

export function campaignProblem(field: string, schemaMessage: string, typed: { title: string }): string {
  switch (field) {
    case 'title':
      return typed.title.trim() ? m.ads_title_too_long({ max: AD_LIMITS.titleMax }) : m.ads_title_required();
    case 'text':
      return m.ads_text_too_long({ max: AD_LIMITS.textMax });
    case 'rangeLevel':
      return m.ads_range_required();
    case 'dailyBudgetKrw':
      return schemaMessage.includes('at least one click')
        ? m.ads_budget_below_click()
        : m.ads_budget_invalid({ min: AD_LIMITS.dailyBudgetMinKrw.toLocaleString(), max: AD_LIMITS.dailyBudgetMaxKrw.toLocaleString() });
    case 'pricePerClickKrw':
      return m.ads_price_invalid({ min: AD_LIMITS.pricePerClickMinKrw.toLocaleString(), max: AD_LIMITS.pricePerClickMaxKrw.toLocaleString() });
    case 'pricePerThousandImpressionsKrw':
      return m.ads_price_thousand_invalid({ min: AD_LIMITS.pricePerThousandMinKrw.toLocaleString(), max: AD_LIMITS.pricePerThousandMaxKrw.toLocaleString() });
    default:
      return m.ads_not_owner();
  }
}
