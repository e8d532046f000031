// A neighbourhood's name in the person's language: 판교동 in Korean, "Pangyo-dong 판교동" in English
// (the Korean name helps there too: it is what the signs say). Kept apart from the neighbourhood
// screens' wording (neighbourhood/place-words.ts) so the feed's first visit does not carry the
// verification rules that module reads.
import { joinedLabelIn, neighbourhoodLabel, type Neighbourhood } from '@dongne/shared';
import { getLocale } from './locale.js';

export function placeName(place: Pick<Neighbourhood, 'nameEn' | 'nameKo'>, locale = getLocale()): string {
  return locale === 'ko' ? (place.nameKo ?? place.nameEn) : neighbourhoodLabel(place);
}

/** The same for a name that arrives already joined ("Pangyo-dong 판교동", as a listing carries it). */
export function labelName(label: string, locale = getLocale()): string {
  return joinedLabelIn(label, locale);
}
