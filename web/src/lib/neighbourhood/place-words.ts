// How the neighbourhood screens word a place and a location reading in the person's language:
// distances as each language writes them, a neighbourhood's name, and what a reading can honestly
// say about where the person is.
import { VERIFICATION_RULES } from '@dongne/shared';
import { getLocale, intlLocale } from '../i18n/locale.js';

const distanceFormats = new Map<string, Intl.NumberFormat>();

/** "3.7 km" / "3.7km", "850 m" / "850m", "5 km": kilometres to one decimal from 1 km up. */
export function formatDistance(metres: number, locale = intlLocale()): string {
  const km = metres >= 1000;
  const key = `${locale}:${km}`;
  let format = distanceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: km ? 'kilometer' : 'meter',
      maximumFractionDigits: km ? 1 : 0,
    });
    distanceFormats.set(key, format);
  }
  return format.format(km ? metres / 1000 : Math.round(metres));
}

// A neighbourhood's name in the person's language lives with the feed's words (its first visit
// must not carry this module's verification rules); the neighbourhood screens use the same.
export { labelName, placeName } from '../i18n/place-name.js';

/**
 * Where a dong is, in the person's language ("성남시 분당구", "Bundang-gu, Seongnam-si"): many dong
 * names repeat across Korea, so a search result needs it. Empty for a place without one.
 */
export function placeRegion(place: { regionEn?: string; regionKo?: string }, locale = getLocale()): string {
  return (locale === 'ko' ? place.regionKo : place.regionEn) ?? '';
}

/**
 * A reading this precise could verify the person (the server's own bound), so it can also say
 * "you are here"; anything vaguer only says "near".
 */
export const PRECISE_READING_M = VERIFICATION_RULES.maxAccuracyM;

export type ReadingVerdict = 'here' | 'near' | 'nearest';

/**
 * What the app may say about a reading the server placed: inside a neighbourhood and precise
 * ("here"), inside but vague ("near": a 5 km circle can cover several neighbourhoods), or outside
 * every neighbourhood ("nearest").
 */
export function readingVerdict(reading: { contains: boolean; accuracyM: number }): ReadingVerdict {
  if (!reading.contains) return 'nearest';
  return reading.accuracyM <= PRECISE_READING_M ? 'here' : 'near';
}
